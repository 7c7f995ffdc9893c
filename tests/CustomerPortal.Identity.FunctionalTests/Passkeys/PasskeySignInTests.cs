using System.Net;
using System.Text.Json.Nodes;
using CustomerPortal.Identity.FunctionalTests.SecondFactor;
using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Passkeys;

/// <summary>
/// A customer adds a passkey in account settings and signs in with it alone; the authenticator is
/// software here (the browser journey uses Chromium's). What a passkey answered for another site,
/// a replayed answer or a cloned authenticator offers is refused.
/// </summary>
public sealed class PasskeySignInTests(TwoStepPortal portal) : IClassFixture<TwoStepPortal>
{
    private const string Password = "Passkey-Pass-2026";

    [Fact]
    public async Task AddedInSettings_IsListedByName_Mailed_AndSignsInWithoutAPassword()
    {
        var email = await NewCustomerAsync();
        using var settings = await portal.SignedInBrowserAsync(email, Password);
        using var passkey = new SoftwarePasskey();

        Assert.Equal("/account/passkeys?Done=added", (await PasskeySteps.AddAsync(settings, passkey, "事務所のPC")).Headers.Location!.OriginalString);
        var listed = (await settings.GetPageAsync(PasskeySteps.SettingsPage)).QuerySelector("table.passkeys tbody tr")!.TextContent;
        Assert.Contains("事務所のPC", listed);
        Assert.Contains("未使用", listed);
        var notice = Assert.Single(await portal.Smtp.WaitForAsync(email, 1));
        Assert.Contains("パスキー「事務所のPC」を追加しました", notice.TextBody);

        using var browser = portal.CreateBrowser();
        var login = await browser.GetPageAsync("/account/login");
        Assert.Equal("username webauthn", login.QuerySelector("#email")!.GetAttribute("autocomplete"));
        Assert.Equal("/", (await PasskeySteps.SignInAsync(browser, passkey)).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/settings")).StatusCode);
        Assert.DoesNotContain("未使用", (await settings.GetPageAsync(PasskeySteps.SettingsPage)).QuerySelector("table.passkeys tbody tr")!.TextContent);
    }

    [Theory]
    [InlineData(false, "hwk")]
    [InlineData(true, "swk")]
    public async Task TheIdToken_SaysWhichKindOfPasskey_AndThatItIsPhishingResistant(bool synced, string method)
    {
        var email = await NewCustomerAsync();
        using var passkey = new SoftwarePasskey { BackupEligible = synced };
        using (var settings = await portal.SignedInBrowserAsync(email, Password))
        {
            await PasskeySteps.AddAsync(settings, passkey);
        }

        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);
        var toLogin = await browser.GetAsync(client.AuthorizeUrl());
        var signedIn = await PasskeySteps.SignInAsync(browser, passkey, toLogin.Headers.Location!.OriginalString);
        var tokens = await client.RedeemAsync(client.ToClient(await browser.FollowAsync(signedIn)).Code!);

        var claims = tokens.IdTokenClaims();
        Assert.Equal(new[] { method, "mfa" }.Order(), claims.GetProperty("amr").EnumerateArray().Select(v => v.GetString()!).Order());
        Assert.Equal("urn:customer-portal:acr:phishing-resistant", claims.GetProperty("acr").GetString());
    }

    [Fact]
    public async Task APasskeyAnsweredForAnotherSite_IsRefused()
    {
        var email = await NewCustomerAsync();
        using var passkey = await CustomerPasskeyAsync(email);

        passkey.Origin = "https://portal.example-login.jp";
        using var phished = portal.CreateBrowser();
        Assert.Contains("パスキーを確認できませんでした", await RefusedAsync(phished, passkey));

        passkey.Origin = "https://localhost";
        passkey.RpId = "example-login.jp";
        Assert.Contains("パスキーを確認できませんでした", await RefusedAsync(phished, passkey));
        Assert.Equal(HttpStatusCode.Redirect, (await phished.GetAsync("/account/settings")).StatusCode);
    }

    [Fact]
    public async Task AnAnswer_WorksOnce_AndACopiedAuthenticator_IsRefused()
    {
        var email = await NewCustomerAsync();
        using var passkey = await CustomerPasskeyAsync(email);
        using var browser = portal.CreateBrowser();
        var login = await browser.GetPageAsync("/account/login");
        var answer = passkey.Assert(await PasskeySteps.OptionsAsync(browser, login, PasskeySteps.SignInForm));
        var form = new Dictionary<string, string> { ["PasskeyAnswer"] = answer };

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(login, PasskeySteps.SignInForm, form)).StatusCode);

        // Someone who copied the answer: with no prompt of their own under way, and with one (another challenge).
        using var replay = portal.CreateBrowser();
        var replayLogin = await replay.GetPageAsync("/account/login");
        var withoutPrompt = await replay.SubmitAsync(replayLogin, PasskeySteps.SignInForm, form);
        Assert.Contains("確認できませんでした", await PasskeySteps.AlertAsync(replay, withoutPrompt));
        Assert.Contains("確認できませんでした", await PasskeySteps.AlertAsync(replay,
            await PasskeySteps.UseAsync(replay, await replay.GetPageAsync("/account/login"), PasskeySteps.SignInForm, _ => answer)));

        // A copy of the authenticator counts from where the original was: its count does not go up.
        passkey.SignCount = 0;
        Assert.Contains("確認できませんでした", await RefusedAsync(replay, passkey));
    }

    [Fact]
    public async Task APasskeyThatDidNotVerifyItsUser_IsRefused()
    {
        var email = await NewCustomerAsync();
        using var passkey = await CustomerPasskeyAsync(email);

        // Possession alone (no PIN, no biometrics) is one factor; the portal counts a passkey as two.
        passkey.UserVerified = false;
        using var browser = portal.CreateBrowser();
        Assert.Contains("確認できませんでした", await RefusedAsync(browser, passkey));
    }

    [Fact]
    public async Task StrangersLockingTheAccountOut_DoNotStopThePasskey_ALockByStaffDoes()
    {
        var email = await NewCustomerAsync();
        using var passkey = await CustomerPasskeyAsync(email);
        using var stranger = portal.CreateBrowser();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await (await LoginPage.OpenAsync(stranger)).SubmitAsync(email, $"Wrong-{attempt}");
        }

        using var owner = portal.CreateBrowser();
        Assert.Equal("/", (await PasskeySteps.SignInAsync(owner, passkey)).Headers.Location!.OriginalString);

        await portal.WithUserAsync(email, async (users, user) =>
        {
            user.StaffLockedAt = DateTimeOffset.UtcNow;
            user.StaffLockedBy = "staff@example.com";
            await users.UpdateAsync(user);
        });
        using var afterLock = portal.CreateBrowser();
        Assert.Contains("確認できませんでした", await RefusedAsync(afterLock, passkey));
    }

    [Fact]
    public async Task Removing_TakesThePassword_IsMailed_AndThePasskeyNoLongerSignsIn()
    {
        var email = await NewCustomerAsync();
        using var passkey = new SoftwarePasskey();
        using var settings = await portal.SignedInBrowserAsync(email, Password);
        await PasskeySteps.AddAsync(settings, passkey, "自宅のスマートフォン");
        var list = await settings.GetPageAsync(PasskeySteps.SettingsPage);

        var wrong = await settings.ParseAsync(await settings.SubmitAsync(list, "form.remove-passkey",
            new Dictionary<string, string> { ["CurrentPassword"] = "Not-The-Password-1" }));
        Assert.NotNull(wrong.QuerySelector("details.passkey-change[open] .field-error"));
        var removed = await settings.SubmitAsync(wrong, "form.remove-passkey", new Dictionary<string, string> { ["CurrentPassword"] = Password });
        Assert.Equal("/account/passkeys?Done=removed", removed.Headers.Location!.OriginalString);
        Assert.NotNull((await settings.GetPageAsync(PasskeySteps.SettingsPage)).QuerySelector(".passkey-none"));
        Assert.Single(await portal.Smtp.WaitForAsync(email, 2),
            m => (m.TextBody ?? "").Contains("「自宅のスマートフォン」を削除しました", StringComparison.Ordinal));

        using var browser = portal.CreateBrowser();
        Assert.Contains("確認できませんでした", await RefusedAsync(browser, passkey));
    }

    [Fact]
    public async Task Renaming_ChangesTheListedName()
    {
        var email = await NewCustomerAsync();
        using var passkey = new SoftwarePasskey();
        using var settings = await portal.SignedInBrowserAsync(email, Password);
        await PasskeySteps.AddAsync(settings, passkey);
        var list = await settings.GetPageAsync(PasskeySteps.SettingsPage);
        Assert.Contains("パスキー", list.QuerySelector("table.passkeys tbody th")!.TextContent);

        var renamed = await settings.SubmitAsync(list, "form.rename-passkey",
            new Dictionary<string, string> { ["PasskeyName"] = "  営業部のPC\u0007 " });
        Assert.Equal("/account/passkeys?Done=renamed", renamed.Headers.Location!.OriginalString);
        Assert.Equal("営業部のPC", (await settings.GetPageAsync(PasskeySteps.SettingsPage)).QuerySelector("table.passkeys tbody th")!.TextContent);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("{}")]
    [InlineData("{\"id\":1,\"response\":[]}")]
    [InlineData("too-long")]
    public async Task ABrokenAnswer_IsRefusedWithAMessage(string answer)
    {
        using var browser = portal.CreateBrowser();
        var login = await browser.GetPageAsync("/account/login");
        // Longer than any authenticator's answer, within what the form reader takes (16 KB a field).
        var sent = answer == "too-long" ? new string('x', 15_000) : answer;

        var response = await PasskeySteps.UseAsync(browser, login, PasskeySteps.SignInForm, _ => sent);

        Assert.Contains("確認できませんでした", await PasskeySteps.AlertAsync(browser, response));
    }

    [Fact]
    public async Task TheOptionsOfTheSignInPage_NameNoAccount()
    {
        using var browser = portal.CreateBrowser();
        var login = await browser.GetPageAsync("/account/login");
        var options = JsonNode.Parse(await PasskeySteps.OptionsAsync(browser, login, PasskeySteps.SignInForm))!;

        Assert.Equal("localhost", options["rpId"]!.GetValue<string>());
        Assert.Equal("required", options["userVerification"]!.GetValue<string>());
        Assert.True(options["allowCredentials"] is null || options["allowCredentials"]!.AsArray().Count == 0);
    }

    private static async Task<string> RefusedAsync(Browser browser, SoftwarePasskey passkey) =>
        await PasskeySteps.AlertAsync(browser, await PasskeySteps.SignInAsync(browser, passkey));

    private async Task<SoftwarePasskey> CustomerPasskeyAsync(string email)
    {
        var passkey = new SoftwarePasskey();
        using var settings = await portal.SignedInBrowserAsync(email, Password);
        Assert.Equal(HttpStatusCode.Redirect, (await PasskeySteps.AddAsync(settings, passkey)).StatusCode);
        return passkey;
    }

    private async Task<string> NewCustomerAsync()
    {
        var email = $"passkey-{Guid.NewGuid():n}@example.com";
        await portal.CreateActiveUserAsync(email, Password, "supplies-buyer");
        return email;
    }
}
