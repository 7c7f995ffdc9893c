using System.Net;
using CustomerPortal.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Registration;

/// <summary>Activation links are single use and expire; an unusable link offers a fresh one without revealing registrations.</summary>
public sealed class ActivationLinkTests : IAsyncLifetime
{
    private static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(1);
    private const string PasswordMailJa = $"【{MailPortalFactory.PortalNameJa}】パスワードの設定 - ステップ 2/3";
    private readonly MailPortalFactory _portal = new() { Clock = new FakeTimeProvider(DateTimeOffset.UtcNow) };

    public async Task InitializeAsync()
    {
        await _portal.InitializeAsync();
        // Approval switched off (the operator's option): mail 2 follows mail 1 at once.
        _portal.Settings["Registration:RequireApproval"] = "false";
        _portal.Settings["Registration:VerifyEmailLinkLifetime"] = LinkLifetime.ToString();
        _portal.Settings["Registration:ResetPasswordLinkLifetime"] = LinkLifetime.ToString();
    }

    [Fact]
    public async Task WithoutApproval_TheVerificationLinkFollowsAtOnce_AndWorksOnlyOnce()
    {
        var email = await RegisterAsync();
        var mails = await _portal.Smtp.WaitForAsync(email, 2);
        var verifyUrl = MailLinks.Find(mails[1], "/account/verify-email");
        using var customer = _portal.CreateBrowser();
        // Mail 1 promises no review of about 3 business days when there is none.
        Assert.DoesNotContain("営業日", mails[0].TextBody);
        Assert.Contains("ステップ 1/3", mails[0].TextBody);

        var page = await customer.GetPageAsync(verifyUrl);
        var verified = await customer.SubmitAsync(page, "form[method=post]");
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        // The page names the mail to look for next: mail 3 of the guide, the password (ステップ 2/3).
        var done = (await customer.ParseAsync(verified)).QuerySelector("[role=status]")!.TextContent;
        Assert.Contains($"件名「{PasswordMailJa}」のメール（ご案内メールの3通目）", done);
        await _portal.Smtp.WaitForAsync(email, 3);

        // Used, with the address verified: the answer says so (the password is still to be set).
        var reused = await customer.GetAsync(verifyUrl);
        Assert.Equal("/account/link?purpose=verify-email&reason=verified-awaiting-password&ui_locales=ja", reused.Headers.Location!.ToString());
        // A second post of the old form does not send another password mail.
        await customer.SubmitAsync(page, "form[method=post]");
        // What a request sends is in the outbox when it answers; the SMTP server had the three.
        Assert.Equal(3, (await _portal.OutboxToAsync(email)).Count);
        Assert.Equal(3, _portal.Smtp.MessagesTo(email).Count);
    }

    [Fact]
    public async Task LostPasswordMail_ComesAgain_FromTheUsedVerifyLink_AndFromForgotPassword()
    {
        var email = await RegisterAsync();
        var verifyUrl = MailLinks.Find((await _portal.Smtp.WaitForAsync(email, 2))[1], "/account/verify-email");
        using var customer = _portal.CreateBrowser();
        await customer.SubmitAsync(await customer.GetPageAsync(verifyUrl), "form[method=post]");
        await _portal.Smtp.WaitForAsync(email, 3); // mail 3, say it never arrived

        // The verify link, used, says the address is verified, names mail 3, and sends it again on request.
        var used = await customer.GetPageAsync((await customer.GetAsync(verifyUrl)).Headers.Location!.ToString());
        Assert.Equal("メールアドレスは認証済みです", used.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains($"件名「{PasswordMailJa}」", used.QuerySelector(".already-verified")!.TextContent);
        Assert.DoesNotContain("すでに使用されています", used.Body!.TextContent);
        await customer.SubmitAsync(used, "form[method=post]", new Dictionary<string, string> { ["Email"] = email });
        var again = (await _portal.Smtp.WaitForAsync(email, 4))[3];
        Assert.Contains("ステップ 2/3", again.Subject);
        Assert.NotNull((await customer.GetPageAsync(MailLinks.Find(again, "/account/set-password"))).QuerySelector("form[method=post]"));

        // "Forgot your password?" does the same for an account that has no password yet.
        var forgot = await customer.GetPageAsync("/account/forgot-password");
        await customer.SubmitAsync(forgot, "section form[method=post]", new Dictionary<string, string> { ["Email"] = email });
        Assert.Contains("ステップ 2/3", (await _portal.Smtp.WaitForAsync(email, 5))[4].Subject);
    }

    [Theory]
    [InlineData("ja", "メールアドレスは認証済みです", "すでに完了しています", "サインイン")]
    [InlineData("en", "Your email address is already verified", "already been verified", "Sign in")]
    public async Task UsedVerifyLink_OfAnActiveAccount_SaysTheAddressIsVerified_AndOffersToSignIn(
        string language, string title, string text, string signIn)
    {
        var email = await RegisterAsync(language);
        var verifyUrl = MailLinks.Find((await _portal.Smtp.WaitForAsync(email, 2))[1], "/account/verify-email");
        using (var customer = _portal.CreateBrowser())
        {
            var verified = await customer.ParseAsync(await customer.SubmitAsync(await customer.GetPageAsync(verifyUrl), "form[method=post]"));
            Assert.Contains(language == "ja" ? "3通目" : "the third of our four emails", verified.QuerySelector("[role=status]")!.TextContent);
            var setPassword = await customer.GetPageAsync(MailLinks.Find((await _portal.Smtp.WaitForAsync(email, 3))[2], "/account/set-password"));
            await customer.SubmitAsync(setPassword, "form[method=post]",
                new Dictionary<string, string> { ["Password"] = "Verified-2026", ["ConfirmPassword"] = "Verified-2026" });
        }

        // Weeks later, in another browser, the customer opens mail 2 again.
        using var later = _portal.CreateBrowser();
        var answer = await later.FollowAsync(await later.GetAsync(verifyUrl));
        var page = await later.ParseAsync(answer);

        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(text, page.QuerySelector(".already-verified")!.TextContent);
        var signInLink = page.QuerySelector("a.sign-in")!;
        Assert.Equal("/account/login", signInLink.GetAttribute("href"));
        Assert.Equal(signIn, signInLink.TextContent.Trim());
        Assert.Null(page.QuerySelector("form[method=post] input[name=Email]"));
        Assert.Equal(3, (await _portal.OutboxToAsync(email)).Count);
    }

    [Fact]
    public async Task ExpiredLink_OffersAFreshOne_AnsweringAlikeForUnknownAddresses()
    {
        var email = await RegisterAsync();
        var verifyUrl = MailLinks.Find((await _portal.Smtp.WaitForAsync(email, 2))[1], "/account/verify-email");
        _portal.Clock!.Advance(LinkLifetime + TimeSpan.FromSeconds(1));
        using var customer = _portal.CreateBrowser();

        var expired = await customer.FollowAsync(await customer.GetAsync(verifyUrl));
        var page = await customer.ParseAsync(expired);
        Assert.Contains("有効期限が切れています", page.Body!.TextContent);

        var forKnown = await customer.ParseAsync(await customer.SubmitAsync(page, "form[method=post]",
            new Dictionary<string, string> { ["Email"] = email.ToUpperInvariant() }));
        var forUnknown = await customer.ParseAsync(await customer.SubmitAsync(page, "form[method=post]",
            new Dictionary<string, string> { ["Email"] = "nobody@example.com" }));
        Assert.Equal(forKnown.QuerySelector("[role=status]")!.TextContent, forUnknown.QuerySelector("[role=status]")!.TextContent);

        var fresh = (await _portal.Smtp.WaitForAsync(email, 3))[2];
        Assert.Contains("ステップ 1/3", fresh.Subject);
        var freshPage = await customer.GetPageAsync(MailLinks.Find(fresh, "/account/verify-email"));
        Assert.NotNull(freshPage.QuerySelector("form[method=post]"));
        Assert.Empty(_portal.Smtp.MessagesTo("nobody@example.com"));
    }

    [Fact]
    public async Task ExpiredResetLink_IsRefused_AndOffersAFreshOne()
    {
        var email = $"expired-reset-{Guid.NewGuid():n}@example.com";
        await _portal.CreateActiveUserAsync(email, "Expired-2026", "supplies-buyer");
        using var browser = _portal.CreateBrowser();
        var forgot = await browser.GetPageAsync("/account/forgot-password");
        await browser.SubmitAsync(forgot, "section form[method=post]", new Dictionary<string, string> { ["Email"] = email });
        var link = MailLinks.Find((await _portal.Smtp.WaitForAsync(email, 1))[0], "/account/reset-password");
        _portal.Clock!.Advance(LinkLifetime + TimeSpan.FromSeconds(1));

        var response = await browser.GetAsync(link);

        Assert.Equal("/account/link?purpose=reset-password&reason=expired", response.Headers.Location!.ToString());
        var page = await browser.GetPageAsync(response.Headers.Location!.ToString());
        await browser.SubmitAsync(page, "section form[method=post]", new Dictionary<string, string> { ["Email"] = email });
        Assert.Contains("パスワードの再設定", (await _portal.Smtp.WaitForAsync(email, 2))[1].Subject);
    }

    [Fact]
    public async Task ForgedToken_LandsOnTheUnusableLinkPage()
    {
        using var customer = _portal.CreateBrowser();

        var response = await customer.GetAsync("/account/set-password?token=forged");

        Assert.Equal("/account/link?purpose=set-password&reason=unknown", response.Headers.Location!.ToString());
    }

    private async Task<string> RegisterAsync(string language = "ja")
    {
        var email = $"link-{Guid.NewGuid():n}@example.com";
        using var browser = _portal.CreateBrowser();
        var page = await RegistrationPage.OpenAsync(browser, language);
        var input = RegistrationPage.ValidInput(email);
        input["Input.Language"] = language;
        Assert.Equal(HttpStatusCode.Redirect, (await page.SubmitAsync(input)).StatusCode);
        return email;
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)_portal).DisposeAsync();
}
