using System.Net;
using System.Net.Http.Json;
using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Registration;

/// <summary>
/// 〒 → address from the table shipped in seed/postal-codes (no outside service): what the sign-up and
/// address book forms' script asks, without being signed in, however the code is typed.
/// </summary>
public sealed class PostalCodeLookupTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private sealed record Address(string PostalCode, string Prefecture, string City, string Town);

    [Theory]
    [InlineData("1000001")]
    [InlineData("100-0001")]
    [InlineData("１００－０００１")] // full-width, as a Japanese keyboard types it
    [InlineData("１００ー０００１")]
    public async Task KnownCode_GivesPrefectureCityAndTown(string typed)
    {
        using var browser = portal.CreateBrowser();

        var response = await browser.GetAsync("/api/postal-codes/" + Uri.EscapeDataString(typed));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Address("100-0001", "13", "千代田区", "千代田"), await response.Content.ReadFromJsonAsync<Address>());
    }

    [Fact]
    public async Task CodesOfBusinessesAndOfSeveralPlaces_GiveWhatIsCertain()
    {
        using var browser = portal.CreateBrowser();

        // A large office's own code (事業所の個別番号) gives its town.
        Assert.Equal(new Address("182-8601", "13", "調布市", "国領町"), await LookUpAsync(browser, "1828601"));
        // One code for towns of two wards: the prefecture only, nothing wrong is filled in.
        Assert.Equal(new Address("004-0000", "01", "", ""), await LookUpAsync(browser, "0040000"));
        // One code for two towns of a city: the city, not a guess at the town.
        Assert.Equal(new Address("011-0951", "05", "秋田市", ""), await LookUpAsync(browser, "0110951"));
    }

    [Fact]
    public async Task UnknownCode_IsNotFound_AsJsonForTheScript()
    {
        using var browser = portal.CreateBrowser();

        var response = await browser.GetAsync("/api/postal-codes/0000000");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("12345678")]
    [InlineData("abcdefg")]
    [InlineData("100-00O1")]
    public async Task MalformedCode_IsABadRequest(string typed)
    {
        using var browser = portal.CreateBrowser();

        var response = await browser.GetAsync("/api/postal-codes/" + Uri.EscapeDataString(typed));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("/account/register", "form.register-form")]
    [InlineData("/account/addresses/new", "section.address-edit form")]
    public async Task FormsWithAnAddress_AskForTheFilling_AndWorkWithoutIt(string path, string formSelector)
    {
        using var browser = path.StartsWith("/account/addresses", StringComparison.Ordinal)
            ? await portal.SignedInBrowserAsync(Accounts.Buyer.Email, Accounts.Buyer.Password)
            : portal.CreateBrowser();

        var page = await browser.GetPageAsync(path);

        var form = page.QuerySelector(formSelector)!;
        Assert.Equal("PostalCode Prefecture City Street", form.GetAttribute("data-postal-fill"));
        Assert.NotNull(page.QuerySelector("script[src='/theme/js/postal-code.js']"));
        // Without the script the fields are there to be typed: each of the four is a plain field of the form.
        foreach (var id in new[] { "PostalCode", "Prefecture", "City", "Street" })
        {
            Assert.NotNull(form.QuerySelector($"#{id}[name='Input.{id}']"));
        }
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/theme/js/postal-code.js")).StatusCode);
    }

    private static async Task<Address?> LookUpAsync(Browser browser, string code) =>
        await (await browser.GetAsync("/api/postal-codes/" + code)).Content.ReadFromJsonAsync<Address>();
}
