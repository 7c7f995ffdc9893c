using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.Tokens;

namespace CustomerPortal.RelyingApps.Tests;

/// <summary>
/// A company's orders across the IdP and the ordering app: staff see the count on the company's
/// page and open the list at the order desk; a merged company's orders and orders placed before
/// companies existed become the company's; the ordering app answers counts to the IdP alone.
/// </summary>
[Collection(PortalStackFixture.Collection)]
public sealed partial class CompanyOrdersTests(PortalStackFixture portal)
{
    private Uri Ordering(string path) => new(portal.Ordering, path);

    [Fact]
    public async Task TheCompanyPage_CountsItsOrders_AndLinksToThemAtTheOrderDesk()
    {
        var number = await PlaceOrderAsync("buyer@example.com", "Buyer-2026");
        using var staff = AppSession.New();

        var page = await staff.SignInAsync(new Uri(portal.Identity, "staff/companies/C0001"), "staff@example.com", "Staff-2026");

        var line = page.QuerySelector("ul.order-counts li")!.TextContent;
        var counted = OrderCount().Match(line);
        Assert.True(counted.Success, line);
        Assert.StartsWith("消耗品のご注文：", line.Trim());
        var orders = int.Parse(counted.Groups[1].Value, CultureInfo.InvariantCulture);
        var quotes = int.Parse(counted.Groups[2].Value, CultureInfo.InvariantCulture);
        Assert.True(orders >= 1, line);
        var link = new Uri(page.QuerySelector("ul.order-counts a")!.GetAttribute("href")!);
        Assert.Equal(Ordering("staff/orders?company=C0001"), link);
        var (status, desk) = await staff.OpenAsync(link);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(desk.QuerySelector($"tr[data-order='{number}']"));
        Assert.Equal(orders + quotes, desk.QuerySelectorAll("tr[data-order]").Length);
        Assert.Contains($"（{orders + quotes}件）", desk.QuerySelector("p.company-filter")!.TextContent);
    }

    [Fact]
    public async Task AfterAMerge_TheSurvivorsBuyersSeeTheMergedCompanysOrders_AndItsCountJoinsTheirs()
    {
        var (email, password) = PortalStackFixture.MergedCompanyBuyer;
        var number = await PlaceOrderAsync(email, password);
        using (var before = AppSession.New())
        {
            await before.SignInAsync(Ordering("orders"), "operator@example.com", "Operator-2026");
            Assert.Equal(HttpStatusCode.NotFound, (await before.OpenAsync(Ordering($"orders/{number}"))).Status);
        }

        using var staff = AppSession.New();
        var merging = await staff.SignInAsync(new Uri(portal.Identity, $"staff/companies/{PortalStackFixture.MergedCompanyCode}"),
            "staff@example.com", "Staff-2026");
        var (_, survivor) = await staff.SubmitAsync(merging, "form.company-merge", new() { ["TargetCode"] = "C0001" });
        Assert.Contains(PortalStackFixture.MergedCompanyCode, survivor.QuerySelector("ul.order-counts")!.ParentElement!.TextContent);

        // The next sign-in brings the merged code in the ID token.
        using var colleague = AppSession.New();
        await colleague.SignInAsync(Ordering("orders"), "operator@example.com", "Operator-2026");
        var (status, order) = await colleague.OpenAsync(Ordering($"orders/{number}"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(number, order.QuerySelector("main")!.TextContent);
        var (_, desk) = await staff.OpenAsync(new Uri(survivor.QuerySelector("ul.order-counts a")!.GetAttribute("href")!));
        Assert.NotNull(desk.QuerySelector($"tr[data-order='{number}']"));
    }

    [Fact]
    public async Task AnOrderPlacedBeforeCompaniesExisted_JoinsTheCompanyWhenItsBuyerNextSignsIn()
    {
        var number = await PlaceOrderAsync("buyer@example.com", "Buyer-2026");
        // As the order of a version without companies: no company code.
        Assert.Equal(1, await portal.ExecuteOrderingAsync("""UPDATE "Orders" SET "CompanyId" = NULL WHERE "Number" = @number""", ("number", number)));
        using var colleague = AppSession.New();
        await colleague.SignInAsync(Ordering("orders"), "operator@example.com", "Operator-2026");
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.OpenAsync(Ordering($"orders/{number}"))).Status);

        using var owner = AppSession.New();
        await owner.SignInAsync(Ordering("orders"), "buyer@example.com", "Buyer-2026");

        Assert.Equal(HttpStatusCode.OK, (await colleague.OpenAsync(Ordering($"orders/{number}"))).Status);
    }

    public enum Flaw { None, NoToken, WrongSignature, WrongAudience, LogoutToken, Expired, NoCodes }

    [Theory]
    [InlineData(Flaw.None, HttpStatusCode.OK)]
    [InlineData(Flaw.NoToken, HttpStatusCode.Unauthorized)]
    [InlineData(Flaw.WrongSignature, HttpStatusCode.Unauthorized)]
    [InlineData(Flaw.WrongAudience, HttpStatusCode.Unauthorized)]
    [InlineData(Flaw.LogoutToken, HttpStatusCode.Unauthorized)]
    [InlineData(Flaw.Expired, HttpStatusCode.Unauthorized)]
    [InlineData(Flaw.NoCodes, HttpStatusCode.BadRequest)]
    public async Task TheOrdersApi_AnswersOnlyTheIdPsCompanyQuery(Flaw flaw, HttpStatusCode expected)
    {
        using var otherKey = RSA.Create(2048);
        var claims = new Dictionary<string, object> { ["sub"] = "staff-of-the-test" };
        if (flaw != Flaw.NoCodes)
        {
            claims[CompanyOrdersQuery.CodesClaim] = new[] { "C0002" };
        }
        var token = IdpTokens.Sign(portal,
            type: flaw == Flaw.LogoutToken ? "logout+jwt" : CompanyOrdersQuery.TokenType,
            audience: flaw == Flaw.WrongAudience ? "support" : "ordering",
            claims,
            key: flaw == Flaw.WrongSignature ? new RsaSecurityKey(otherKey) : null,
            issuedAt: flaw == Flaw.Expired ? DateTime.UtcNow.AddMinutes(-30) : null);
        using var request = new HttpRequestMessage(HttpMethod.Get, Ordering("api/company-orders"));
        if (flaw != Flaw.NoToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var http = new HttpClient();
        using var response = await http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            var summary = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<CompanyOrdersSummary>(response.Content);
            Assert.Equal(Ordering("staff/orders?company=C0002"), summary!.Page);
        }
    }

    /// <summary>Puts the cheapest supply in the cart, asks for a quote and confirms it; the order's number.</summary>
    private async Task<string> PlaceOrderAsync(string email, string password)
    {
        using var buyer = AppSession.New();
        var catalog = await buyer.SignInAsync(Ordering("catalog"), email, password);
        await buyer.SubmitAsync(catalog, "tr[data-item='TAPE-300'] form");
        var (_, quote) = await buyer.OpenAsync(Ordering("quotes/new"));
        var (_, order) = await buyer.SubmitAsync(quote, "section.new-quote form");
        var number = new Uri(order.Url).Segments.Last();
        await buyer.SubmitAsync(order, "section.order form");
        return number;
    }

    [GeneratedRegex(@"注文 (\d+)件、見積 (\d+)件")]
    private static partial Regex OrderCount();
}
