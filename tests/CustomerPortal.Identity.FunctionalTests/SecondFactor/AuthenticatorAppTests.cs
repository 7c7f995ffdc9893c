using System.Net;
using AngleSharp.Dom;
using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.SecondFactor;

/// <summary>
/// A customer turns on an authenticator app from account settings and then signs in with its
/// codes: computed here from the key the page shows, as an app would. Each code works once, with
/// one 30-second step of drift either side; recovery codes work once each; wrong codes count
/// toward the lockout; every change is mailed.
/// </summary>
public sealed class AuthenticatorAppTests(TwoStepPortal portal) : IClassFixture<TwoStepPortal>
{
    private const string Password = "TwoStep-Pass-2026";

    [Fact]
    public async Task TurningItOn_WithACodeFromTheKeyOnThePage_ShowsTenRecoveryCodes_MailsANotice_AndAsksForACodeAtSignIn()
    {
        var (email, key, recoveryCodes) = await CustomerWithAuthenticatorAsync();

        Assert.Equal(10, recoveryCodes.Count);
        var notice = Assert.Single(await portal.Smtp.WaitForAsync(email, 1));
        Assert.Equal("【カスタマーポータル】2段階認証の設定が変更されました", notice.Subject);
        Assert.Contains("認証アプリによる2段階認証を有効にしました", notice.TextBody);

        using var browser = portal.CreateBrowser();
        var afterPassword = await (await LoginPage.OpenAsync(browser)).SubmitAsync(email, Password);
        Assert.Equal("/account/login/code", afterPassword.Headers.Location!.ToString());
        // Not signed in yet: the password alone opens nothing.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account/settings")).StatusCode);

        var step = await browser.GetPageAsync("/account/login/code");
        var input = step.QuerySelector("input[name=Code]")!;
        Assert.Equal("one-time-code", input.GetAttribute("autocomplete"));
        Assert.Equal("numeric", input.GetAttribute("inputmode"));
        Assert.Contains("正しくありません", await WrongAnswerAsync(browser, step, "000000"));

        portal.NextStep();
        Assert.Equal("/", (await SubmitCodeAsync(browser, portal.CodeNow(key))).Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/settings")).StatusCode);
    }

    [Fact]
    public async Task ACode_IsAcceptedOnce()
    {
        var (email, key, _) = await CustomerWithAuthenticatorAsync();
        portal.NextStep();
        var code = portal.CodeNow(key);

        using var first = await PasswordOnlyAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitCodeAsync(first, code)).StatusCode);

        using var second = await PasswordOnlyAsync(email);
        Assert.Contains("正しくありません", await WrongAnswerAsync(second, await second.GetPageAsync("/account/login/code"), code));
    }

    [Fact]
    public async Task OneStepOfDrift_IsAccepted_TwoAreNot()
    {
        var (email, key, _) = await CustomerWithAuthenticatorAsync();
        portal.NextStep();
        portal.NextStep();
        var now = portal.Clock!.GetUtcNow();

        using var browser = await PasswordOnlyAsync(email);
        var step = await browser.GetPageAsync("/account/login/code");
        Assert.Contains("正しくありません", await WrongAnswerAsync(browser, step, AuthenticatorCodes.At(key, now.AddSeconds(60))));
        Assert.Contains("正しくありません", await WrongAnswerAsync(browser, step, AuthenticatorCodes.At(key, now.AddSeconds(-60))));
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitCodeAsync(browser, AuthenticatorCodes.At(key, now.AddSeconds(30)))).StatusCode);
    }

    [Fact]
    public async Task ARecoveryCode_SignsInOnce_AndTheOwnerIsTold()
    {
        var (email, _, recoveryCodes) = await CustomerWithAuthenticatorAsync();

        using var browser = await PasswordOnlyAsync(email);
        var recovery = await browser.GetPageAsync("/account/login/recovery");
        var used = await browser.SubmitAsync(recovery, "form[method=post]", Form(("RecoveryCode", recoveryCodes[3].ToLowerInvariant())));
        Assert.Equal("/", used.Headers.Location!.ToString());
        var mails = await portal.Smtp.WaitForAsync(email, 2);
        Assert.Single(mails, m => (m.TextBody ?? "").Contains("残りのリカバリーコードは9件です", StringComparison.Ordinal));

        using var again = await PasswordOnlyAsync(email);
        var page = await again.GetPageAsync("/account/login/recovery");
        var refused = await again.ParseAsync(await again.SubmitAsync(page, "form[method=post]", Form(("RecoveryCode", recoveryCodes[3]))));
        Assert.Contains("すでに使用されています", refused.QuerySelector("[role=alert]")!.TextContent);
    }

    [Fact]
    public async Task WrongCodes_FromABrowserTheAccountDoesNotKnow_LockItOut()
    {
        var (email, key, _) = await CustomerWithAuthenticatorAsync();
        using var stranger = await PasswordOnlyAsync(email);
        var step = await stranger.GetPageAsync("/account/login/code");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await WrongAnswerAsync(stranger, step, $"00000{attempt}");
        }

        portal.NextStep();
        Assert.Contains("正しくありません", await WrongAnswerAsync(stranger, step, portal.CodeNow(key)));
        // Mails written in the same instant have no order: each is found by what it says.
        var lockout = Assert.Single(await portal.Smtp.WaitForAsync(email, 2),
            m => m.Subject == "【カスタマーポータル】アカウントへのサインインが試みられました");
        Assert.Contains("確認コードの誤りが5回続きました", lockout.TextBody);
    }

    [Fact]
    public async Task TurningItOff_TakesThePasswordAndACurrentCode()
    {
        var (email, key, _) = await CustomerWithAuthenticatorAsync();
        portal.NextStep();
        using var browser = await SignedInWithCodeAsync(email, key);

        var settings = await browser.GetPageAsync("/account/security");
        var wrongCode = await browser.ParseAsync(await browser.SubmitAsync(settings, "form.disable-authenticator",
            Form(("CurrentPassword", Password), ("Code", "123456"))));
        Assert.NotNull(wrongCode.QuerySelector("#disable-code-error"));
        Assert.Contains("有効", wrongCode.QuerySelector(".authenticator-status")!.TextContent);

        portal.NextStep();
        var off = await browser.ParseAsync(await browser.SubmitAsync(wrongCode, "form.disable-authenticator",
            Form(("CurrentPassword", Password), ("Code", portal.CodeNow(key)))));
        Assert.Contains("無効にしました", off.QuerySelector("[role=status]")!.TextContent);
        // This browser stays signed in; the next sign-in takes the password alone.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/settings")).StatusCode);
        using var next = portal.CreateBrowser();
        Assert.Equal("/", (await (await LoginPage.OpenAsync(next)).SubmitAsync(email, Password)).Headers.Location!.ToString());
        Assert.Single(await portal.Smtp.WaitForAsync(email, 2), m => (m.TextBody ?? "").Contains("無効にしました", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DontAskAgain_SkipsTheCodeOnThatBrowserOnly()
    {
        var (email, key, _) = await CustomerWithAuthenticatorAsync();
        portal.NextStep();
        using var browser = await PasswordOnlyAsync(email);
        var step = await browser.GetPageAsync("/account/login/code");
        Assert.Equal(HttpStatusCode.Redirect,
            (await browser.SubmitAsync(step, "form[method=post]", Form(("Code", portal.CodeNow(key)), ("RememberBrowser", "true")))).StatusCode);

        Assert.Equal("/", (await (await LoginPage.OpenAsync(browser)).SubmitAsync(email, Password)).Headers.Location!.ToString());
        using var other = portal.CreateBrowser();
        Assert.Equal("/account/login/code", (await (await LoginPage.OpenAsync(other)).SubmitAsync(email, Password)).Headers.Location!.ToString());
    }

    /// <summary>A new customer who turned the authenticator app on in account settings.</summary>
    private async Task<(string Email, string Key, IReadOnlyList<string> RecoveryCodes)> CustomerWithAuthenticatorAsync()
    {
        var email = $"two-step-{Guid.NewGuid():n}@example.com";
        await portal.CreateActiveUserAsync(email, Password, "supplies-buyer");
        using var browser = await portal.SignedInBrowserAsync(email, Password);
        var (key, codes) = await portal.TurnOnAuthenticatorAsync(browser, "/account/security");
        return (email, key, codes);
    }

    private async Task<Browser> PasswordOnlyAsync(string email)
    {
        var browser = portal.CreateBrowser();
        Assert.Equal("/account/login/code", (await (await LoginPage.OpenAsync(browser)).SubmitAsync(email, Password)).Headers.Location!.ToString());
        return browser;
    }

    private async Task<Browser> SignedInWithCodeAsync(string email, string key)
    {
        var browser = await PasswordOnlyAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitCodeAsync(browser, portal.CodeNow(key))).StatusCode);
        return browser;
    }

    private static Dictionary<string, string> Form(params (string Name, string Value)[] fields) =>
        fields.ToDictionary(field => field.Name, field => field.Value);

    private static async Task<HttpResponseMessage> SubmitCodeAsync(Browser browser, string code) =>
        await browser.SubmitAsync(await browser.GetPageAsync("/account/login/code"), "form[method=post]", Form(("Code", code)));

    private static async Task<string> WrongAnswerAsync(Browser browser, IDocument page, string code)
    {
        var response = await browser.SubmitAsync(page, "form[method=post]", Form(("Code", code)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await browser.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent;
    }
}
