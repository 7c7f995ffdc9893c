using System.Net;
using System.Net.Http.Headers;
using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Security;

/// <summary>
/// The IdP's own API refuses an access token as soon as its grant is revoked, the account is
/// locked or its password changes: not 15 minutes later, when the token would have expired.
/// </summary>
public sealed class RevokedGrantApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Password = "Api-Pass-2026";

    [Theory]
    [InlineData("app revoked on the connected-apps page")]
    [InlineData("account locked by staff")]
    [InlineData("password changed")]
    public async Task AddressApi_RefusesTheTokenOnItsNextUse(string what)
    {
        var email = $"api-{Guid.NewGuid():n}@example.com";
        await portal.CreateActiveUserAsync(email, Password, "supplies-buyer");
        using var browser = portal.CreateBrowser();
        var token = (await OAuthClient.Web(browser).SignInAsync((email, Password), "openid addresses")).AccessToken!;
        using var api = portal.CreateClient(
            new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/account/addresses")).StatusCode);

        await TakeAccessAwayAsync(what, email);

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/account/addresses")).StatusCode);
        var write = await api.PostAsync("/api/account/addresses", new StringContent(
            """{"label":"x","postalCode":"100-0001","prefecture":"13","city":"千代田区","street":"1-1"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
    }

    private async Task TakeAccessAwayAsync(string what, string email)
    {
        switch (what)
        {
            case "app revoked on the connected-apps page":
                {
                    using var owner = await portal.SignedInBrowserAsync(email, Password);
                    var apps = await owner.GetPageAsync("/account/apps");
                    await owner.SubmitAsync(apps, $"tr[data-client={TestClients.WebClientId}] form");
                    break;
                }
            case "account locked by staff":
                {
                    using var staff = await portal.SignedInBrowserAsync(Accounts.Staff.Email, Accounts.Staff.Password);
                    await staff.StaffActOnAsync(email, "form.lock");
                    break;
                }
            default:
                {
                    using var owner = await portal.SignedInBrowserAsync(email, Password);
                    await owner.ChangePasswordAsync(Password, "Api-Pass-2027");
                    break;
                }
        }
    }
}
