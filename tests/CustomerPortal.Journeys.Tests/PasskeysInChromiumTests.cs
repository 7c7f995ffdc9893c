using System.Text.Json;
using CustomerPortal.Testing;
using Microsoft.Playwright;

namespace CustomerPortal.Journeys.Tests;

/// <summary>
/// Passkeys in a real browser whose prompt is answered by Chromium's virtual authenticator: a
/// customer adds one in account settings, signs out and signs in with it alone — in Japanese and in
/// English; and a passkey whose owner was not verified (no PIN, no biometrics) does not sign in.
/// </summary>
[Collection(Chromium.Collection)]
public sealed class PasskeysInChromiumTests : IAsyncLifetime
{
    private const string Email = "operator@example.com";
    private const string Password = "Operator-2026";

    private readonly string _work = PortalFactory.NewWorkFolder();
    private PortalProcess _idp = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        // On localhost, not 127.0.0.1: browsers refuse WebAuthn on an IP address, and http://localhost is a secure context.
        _idp = await PortalProcess.StartServerAsync("Development", new()
        {
            ["Storage:DataFolder"] = Path.Combine(_work, "data"),
            ["Seed:Path"] = Path.Combine(_work, "seed"),
        }, host: "localhost");
        (_playwright, _browser) = await Chromium.LaunchAsync();
    }

    [Theory]
    [InlineData("ja", "仕事用のノートPC", "ログアウト", "アカウント設定")]
    [InlineData("en", "Work laptop", "Sign out", "Account settings")]
    public async Task Customer_AddsAPasskey_AndSignsInWithItAlone(string language, string passkeyName, string signOut, string settingsTitle)
    {
        // One page throughout: the virtual authenticator, and the passkey it keeps, belong to its DevTools session.
        var page = await Chromium.NewPageAsync(_browser);
        var (cdp, authenticator) = await AddVirtualAuthenticatorAsync(page);
        await SignInWithPasswordAsync(page, language);
        await AddPasskeyAsync(page, passkeyName);

        Assert.Contains(passkeyName, await page.Locator("table.passkeys").TextContentAsync());
        var credentials = await CredentialsAsync(cdp, authenticator);
        Assert.True(credentials.GetArrayLength() == 1 && credentials[0].GetProperty("isResidentCredential").GetBoolean());
        await Chromium.ScreenshotAsync(page, $"passkeys-{language}");

        await SignOutAsync(page, signOut);
        await WithoutPasskeyAutofillAsync(page);
        await page.GotoAsync(Url("/account/login"));
        var passkeyButton = page.Locator("form.passkey-sign-in button[data-passkey]");
        await passkeyButton.WaitForAsync();
        await Chromium.ScreenshotAsync(page, $"login-passkey-{language}");
        await passkeyButton.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        await page.GotoAsync(Url("/account/settings"));
        Assert.Equal(settingsTitle, (await page.Locator("h1").TextContentAsync())?.Trim());
    }

    [Fact]
    public async Task ThePasskeyOfferedInTheEmailFieldsSuggestions_SignsIn()
    {
        var page = await Chromium.NewPageAsync(_browser);
        await AddVirtualAuthenticatorAsync(page);
        await SignInWithPasswordAsync(page, "ja");
        await AddPasskeyAsync(page, "自動入力用");
        await SignOutAsync(page, "ログアウト");

        // The page asks for a passkey in the suggestions as it opens (conditional mediation); the
        // virtual authenticator picks it as a person would pick the suggestion.
        await page.GotoAsync(Url("/account/login"));
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GotoAsync(Url("/account/settings"));
        Assert.Equal("アカウント設定", (await page.Locator("h1").TextContentAsync())?.Trim());
    }

    [Fact]
    public async Task Passkey_WithoutUserVerification_DoesNotSignIn()
    {
        var page = await Chromium.NewPageAsync(_browser);
        var (cdp, authenticator) = await AddVirtualAuthenticatorAsync(page);
        await SignInWithPasswordAsync(page, "en");
        await AddPasskeyAsync(page, "Security key");
        await SignOutAsync(page, "Sign out");

        // The key is touched but checks no PIN or biometrics. The portal's options require that check
        // (a passkey alone counts as two factors), so the browser gives no passkey and the page says so.
        await cdp.SendAsync("WebAuthn.setUserVerified", new() { ["authenticatorId"] = authenticator, ["isUserVerified"] = false });
        await WithoutPasskeyAutofillAsync(page);
        await page.GotoAsync(Url("/account/login"));
        await page.Locator("form.passkey-sign-in button[data-passkey]").ClickAsync();

        var alert = page.Locator("[role=alert]");
        await alert.WaitForAsync();
        Assert.Contains("sign in with your password", await alert.TextContentAsync());
        Assert.Equal("/account/login", new Uri(page.Url).AbsolutePath);
        await page.GotoAsync(Url("/account/settings"));
        Assert.Equal("/account/login", new Uri(page.Url).AbsolutePath);
    }

    /// <summary>
    /// A platform authenticator that keeps discoverable passkeys and verifies its user, answering
    /// every prompt at once, as a person touching the sensor would.
    /// </summary>
    private static async Task<(ICDPSession Cdp, string Id)> AddVirtualAuthenticatorAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable", new() { ["enableUI"] = false });
        var added = await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new()
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["ctap2Version"] = "ctap2_1",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        return (cdp, added!.Value.GetProperty("authenticatorId").GetString()!);
    }

    /// <summary>
    /// The sign-in page also offers passkeys in the email field's suggestions (conditional mediation).
    /// Chromium's virtual authenticator answers such a request at once, without anyone picking the
    /// suggestion, so the page would sign in by itself; like a browser without that autofill, the
    /// page here leaves it out and the button is what signs in.
    /// </summary>
    private static async Task WithoutPasskeyAutofillAsync(IPage page) =>
        await page.AddInitScriptAsync("PublicKeyCredential.isConditionalMediationAvailable = () => Promise.resolve(false);");

    private static async Task<JsonElement> CredentialsAsync(ICDPSession cdp, string authenticator)
    {
        var result = await cdp.SendAsync("WebAuthn.getCredentials", new() { ["authenticatorId"] = authenticator });
        return result!.Value.GetProperty("credentials");
    }

    private async Task SignInWithPasswordAsync(IPage page, string language)
    {
        await page.GotoAsync(Url($"/language/{language}?returnUrl=%2Faccount%2Flogin"));
        await page.FillAsync("#email", Email);
        await page.FillAsync("#password", Password);
        await page.Locator("form[method=post] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
    }

    private async Task AddPasskeyAsync(IPage page, string name)
    {
        await page.GotoAsync(Url("/account/passkeys"));
        await page.FillAsync("#passkey-name", name);
        await page.Locator("form.passkey-form button[data-passkey=create]").ClickAsync();
        await page.WaitForURLAsync("**/account/passkeys?Done=added");
    }

    private static async Task SignOutAsync(IPage page, string signOut)
    {
        await page.Locator("details.user-menu summary").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = signOut }).ClickAsync();
        await page.WaitForURLAsync("**/account/signed-out");
    }

    private string Url(string path) => new Uri(_idp.BaseAddress!, path).ToString();

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _idp.DisposeAsync();
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }
}
