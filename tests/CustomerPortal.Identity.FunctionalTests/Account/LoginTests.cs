using System.Net;
using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Account;

public sealed class LoginTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("ja", "はじめてご利用の方", "新規登録")]
    [InlineData("en", "New to the portal?", "Sign up")]
    public async Task SignInPage_GreetsFirstTimeVisitors_WithABoxAndASignUpButton(string language, string title, string button)
    {
        using var browser = portal.CreateBrowser();
        await browser.GetAsync($"/language/{language}?returnUrl=%2F");

        var page = await browser.GetPageAsync("/account/login");

        var box = page.QuerySelector("section.sign-in section.new-customer")!;
        Assert.Equal(title, box.QuerySelector("h2")!.TextContent);
        Assert.Equal(box.QuerySelector("h2")!.Id, box.GetAttribute("aria-labelledby"));
        var signUp = box.QuerySelector("a.button")!;
        Assert.Equal(button, signUp.TextContent);
        Assert.Equal("/account/register", signUp.GetAttribute("href"));
    }

    [Fact]
    public async Task SignIn_WithTheRightPassword_OpensTheHomePageWithTheUsersName()
    {
        using var browser = portal.CreateBrowser();
        var login = await LoginPage.OpenAsync(browser);

        var response = await browser.FollowAsync(await login.SubmitAsync(Accounts.Buyer.Email, Accounts.Buyer.Password));

        var home = await browser.ParseAsync(response);
        Assert.Contains("佐藤 花子", home.Body!.TextContent);
    }

    [Fact]
    public async Task SignIn_Failures_ReadTheSameForAWrongPasswordAndAnUnknownAddress()
    {
        using var browser = portal.CreateBrowser();

        var wrongPassword = await FailAsync(browser, Accounts.Buyer.Email, "Wrong-Pass1");
        var unknownAddress = await FailAsync(browser, "nobody@example.com", "Wrong-Pass1");

        Assert.Equal(wrongPassword.Alert, unknownAddress.Alert);
        Assert.Contains("メールアドレスまたはパスワードが正しくありません", wrongPassword.Alert);
        Assert.Equal(Accounts.Buyer.Email, wrongPassword.EmailValue); // what was typed is kept
    }

    [Fact]
    public async Task SignIn_RepeatedFailures_LockTheAccountWithoutSayingSo()
    {
        await portal.CreateActiveUserAsync("lockout@example.com", "Lockout-2026", "supplies-buyer");
        using var browser = portal.CreateBrowser();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await FailAsync(browser, "lockout@example.com", "Wrong-Pass1");
        }

        // The right password no longer works, and the page reads as for any failure.
        var locked = await FailAsync(browser, "lockout@example.com", "Lockout-2026");
        var unknown = await FailAsync(browser, "nobody@example.com", "Lockout-2026");
        Assert.Equal(unknown.Alert, locked.Alert);
    }

    [Fact]
    public async Task SignIn_OfAnAccountNotYetActivated_SaysWhatIsMissingOnlyAfterTheRightPassword()
    {
        await portal.CreateActiveUserAsync("pending@example.com", "Pending-2026", "supplies-buyer");
        await portal.WithUserAsync("pending@example.com", async (users, user) =>
        {
            user.Status = Data.AccountStatus.PendingReview;
            await users.UpdateAsync(user);
        });
        using var browser = portal.CreateBrowser();

        var wrong = await FailAsync(browser, "pending@example.com", "Wrong-Pass1");
        var right = await FailAsync(browser, "pending@example.com", "Pending-2026");

        Assert.Contains("正しくありません", wrong.Alert);
        Assert.Contains("アクティベーション", right.Alert);
    }

    [Fact]
    public async Task SignIn_WithEmptyFields_ShowsAMessageNextToEachField()
    {
        using var browser = portal.CreateBrowser();
        var login = await LoginPage.OpenAsync(browser);

        var page = await LoginPage.FromAsync(browser, await login.SubmitAsync("", ""));

        Assert.Equal("メールアドレスをご入力ください。", page.EmailError);
        Assert.NotNull(page.Document.QuerySelector("#password-error"));
    }

    [Fact]
    public async Task SignIn_WithoutTheAntiforgeryToken_IsRefused()
    {
        using var browser = portal.CreateBrowser();
        var login = await LoginPage.OpenAsync(browser);

        var forged = await browser.SubmitAsync(login.Document, "form[method=post]", new Dictionary<string, string>
        {
            ["Input.Email"] = Accounts.Buyer.Email,
            ["Input.Password"] = Accounts.Buyer.Password,
            ["__RequestVerificationToken"] = "forged",
        });

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task SignIn_ToAnExternalReturnUrl_StaysOnThePortal()
    {
        using var browser = portal.CreateBrowser();
        var login = await LoginPage.OpenAsync(browser, "/account/login?ReturnUrl=https%3A%2F%2Fevil.test%2F");

        var response = await login.SubmitAsync(Accounts.Buyer.Email, Accounts.Buyer.Password);

        Assert.Equal("/", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task SignInPage_ForbidsFramingAndInlineScripts()
    {
        using var browser = portal.CreateBrowser();

        var response = await browser.GetAsync("/account/login");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("'unsafe-inline'", csp);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task SessionCookie_IsHttpOnlyAndSameSiteLax()
    {
        using var browser = portal.CreateBrowser();
        var login = await LoginPage.OpenAsync(browser);

        var response = await login.SubmitAsync(Accounts.Buyer.Email, Accounts.Buyer.Password);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("portal.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task LanguageSwitch_IsRememberedAcrossPages()
    {
        using var browser = portal.CreateBrowser();
        var japanese = await LoginPage.OpenAsync(browser);
        Assert.Equal("ja", japanese.Language);

        var switched = await browser.GetAsync(japanese.Document.QuerySelector("a[lang=en]")!.GetAttribute("href")!);
        var english = await LoginPage.FromAsync(browser, await browser.FollowAsync(switched));

        Assert.Equal("en", english.Language);
        Assert.Equal("Sign in", english.Document.QuerySelector("button[type=submit]")!.TextContent.Trim());
        Assert.Equal("en", (await LoginPage.OpenAsync(browser)).Language);
    }

    [Fact]
    public async Task LanguageSwitch_WinsOverTheClientsUiLocalesOnlyWhenTheUserChoosesIt()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);
        var english = await LoginPage.FromAsync(browser, await browser.FollowAsync(await browser.GetAsync(
            client.AuthorizeUrl(extra: new Dictionary<string, string?> { ["ui_locales"] = "en" }))));
        Assert.Equal("en", english.Language);

        var switched = await browser.FollowAsync(await browser.GetAsync(english.Document.QuerySelector("a[lang=ja]")!.GetAttribute("href")!));
        var japanese = await LoginPage.FromAsync(browser, switched);

        Assert.Equal("ja", japanese.Language);
        // The authorization request survives the switch: signing in still reaches the client.
        var response = client.ToClient(await browser.FollowAsync(await japanese.SubmitAsync(Accounts.Buyer.Email, Accounts.Buyer.Password)));
        Assert.NotNull(response.Code);
    }

    [Fact]
    public async Task LanguageSwitch_WhenSignedIn_BecomesTheLanguageOfTheUsersEmailsAndClaims()
    {
        await portal.CreateActiveUserAsync("switch-language@example.com", "Switch-2026", "supplies-buyer");
        using var browser = portal.CreateBrowser();
        var login = await LoginPage.OpenAsync(browser);
        await login.SubmitAsync("switch-language@example.com", "Switch-2026");

        await browser.GetAsync("/language/en?returnUrl=%2F");

        var tokens = await OAuthClient.Web(browser).SignInAsync(("switch-language@example.com", "Switch-2026"), "openid profile");
        Assert.Equal("en", tokens.ReadIdToken().GetClaim("locale").Value);
    }

    [Fact]
    public async Task LanguageSwitch_ToAnExternalUrl_StaysOnThePortal()
    {
        using var browser = portal.CreateBrowser();

        var response = await browser.GetAsync("/language/en?returnUrl=%2F%2Fevil.test%2F");

        Assert.Equal("/", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task LanguageSwitch_FromARelyingApp_ReturnsToTheAppsPage_AndSavesTheChoice()
    {
        await portal.CreateActiveUserAsync("switch-in-app@example.com", "SwitchInApp-2026", "supplies-buyer");
        using var browser = portal.CreateBrowser();
        await (await LoginPage.OpenAsync(browser)).SubmitAsync("switch-in-app@example.com", "SwitchInApp-2026");

        // The ordering app (registered with redirect URIs on http://localhost:5102) sends its own page along.
        var response = await browser.GetAsync("/language/en?returnUrl=" + Uri.EscapeDataString("http://localhost:5102/orders?page=2"));

        Assert.Equal("http://localhost:5102/orders?page=2", response.Headers.Location!.ToString());
        Assert.Equal("en", (await portal.FindUserAsync("switch-in-app@example.com")).Locale);
    }

    [Theory]
    [InlineData("https://evil.test/")]
    [InlineData("http://evil.test:5102/orders")]
    [InlineData("http://localhost:5102@evil.test/")]
    [InlineData("http://localhost:5199/")] // the right host, but no app is registered on this port
    [InlineData("javascript:alert(1)")]
    [InlineData("/\\evil.test/")]
    public async Task LanguageSwitch_ToAnAddressNoRegisteredAppHas_StaysOnThePortal(string returnUrl)
    {
        using var browser = portal.CreateBrowser();

        var response = await browser.GetAsync("/language/en?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal("/", response.Headers.Location!.ToString());
    }

    private static async Task<LoginPage> FailAsync(Browser browser, string email, string password)
    {
        var login = await LoginPage.OpenAsync(browser);
        var page = await LoginPage.FromAsync(browser, await login.SubmitAsync(email, password));
        Assert.NotNull(page.Alert);
        return page;
    }
}
