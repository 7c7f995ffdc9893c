using System.Net;
using CustomerPortal.Identity.Data;
using CustomerPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CustomerPortal.Identity.FunctionalTests.Companies;

/// <summary>
/// A company's staff page shows its orders count, which lives in the apps: the IdP asks each app
/// that registered a company_orders_uri, with a token it signs for that app alone naming the
/// company's codes (its own and the merged ones). An app that cannot be reached shows as such.
/// </summary>
public sealed class CompanyOrderCountsTests : IAsyncLifetime
{
    private const string OrdersClientId = "orders-app";
    private const string DownClientId = "orders-app-down";
    private readonly PortalFactory _portal = new();
    private CompanyOrdersApp _orders = null!;

    public async Task InitializeAsync()
    {
        var answer = new CompanyOrdersSummary(12, 3, new Uri("https://orders.test/staff/orders?company=X"));
        _orders = await CompanyOrdersApp.StartForAsync(_portal, OrdersClientId, answer);
        // Nothing listens on a freshly freed port.
        CompanyOrdersApp.RegisterIn(_portal, DownClientId, $"http://127.0.0.1:{LoopbackPorts.Next()}/api/company-orders");
    }

    [Fact]
    public async Task TheCompanyPage_ShowsEachAppsCount_AndAsksWithATokenSignedForThatAppNamingTheMergedCodes()
    {
        var (code, merged) = await ArrangeMergedCompaniesAsync();
        using var staff = await _portal.SignedInBrowserAsync(Accounts.Staff.Email, Accounts.Staff.Password);

        var response = await staff.GetAsync($"/staff/companies/{code}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await staff.ParseAsync(response);

        var counts = page.QuerySelectorAll("ul.order-counts li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains(counts, line => line.StartsWith(OrdersClientId + "：", StringComparison.Ordinal) && line.Contains("注文 12件、見積 3件"));
        Assert.Contains(counts, line => line.StartsWith(DownClientId + "：", StringComparison.Ordinal) && line.Contains("取得できません"));
        Assert.Equal("https://orders.test/staff/orders?company=X", page.QuerySelector("ul.order-counts a")!.GetAttribute("href"));
        Assert.Contains(merged, page.QuerySelector("section.company")!.TextContent);

        var header = Assert.Single(_orders.Tokens);
        Assert.StartsWith("Bearer ", header);
        var validated = await ValidateAsync(header["Bearer ".Length..]);
        Assert.True(validated.IsValid, validated.Exception?.Message);
        var token = (JsonWebToken)validated.SecurityToken;
        Assert.Equal([code, merged], token.GetPayloadValue<string[]>(CompanyOrdersQuery.CodesClaim));
        Assert.Equal(await IdOfAsync(Accounts.Staff.Email), token.Subject);
    }

    [Fact]
    public async Task TheToken_IsForTheAppAlone_AndNotALogoutTokenOrAnAccessToken()
    {
        var (code, _) = await ArrangeMergedCompaniesAsync();
        using var staff = await _portal.SignedInBrowserAsync(Accounts.Staff.Email, Accounts.Staff.Password);
        await staff.GetPageAsync($"/staff/companies/{code}");
        var token = _orders.Tokens.Last()["Bearer ".Length..];

        Assert.False((await ValidateAsync(token, audience: DownClientId)).IsValid);
        Assert.False((await ValidateAsync(token, type: "logout+jwt")).IsValid);
        Assert.False((await ValidateAsync(token, type: "at+jwt")).IsValid);
    }

    private async Task<(string Code, string Merged)> ArrangeMergedCompaniesAsync()
    {
        var (code, merged) = ($"Q{Random.Shared.Next(100000, 999999)}", $"R{Random.Shared.Next(100000, 999999)}");
        using var scope = _portal.Services.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<Identity.Companies.CompanyDirectory>();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var survivor = await directory.CreateAsync("株式会社注文件数", code);
        var mergedAway = await directory.CreateAsync("注文件数株式会社", merged);
        await db.SaveChangesAsync();
        mergedAway.MergedIntoId = survivor.Id;
        await db.SaveChangesAsync();
        return (code, merged);
    }

    private async Task<TokenValidationResult> ValidateAsync(string token, string audience = OrdersClientId, string type = CompanyOrdersQuery.TokenType)
    {
        using var client = _portal.CreateClient(
            new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        var keys = new JsonWebKeySet(await client.GetStringAsync("/.well-known/jwks"));
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = "https://localhost/",
            ValidAudience = audience,
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidTypes = [type],
        });
    }

    private async Task<string> IdOfAsync(string email)
    {
        using var scope = _portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    public async Task DisposeAsync()
    {
        await _orders.DisposeAsync();
        _portal.Dispose();
    }
}
