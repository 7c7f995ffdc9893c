using CustomerPortal.Testing;
using Microsoft.Playwright;

namespace CustomerPortal.Journeys.Tests;

/// <summary>
/// A person in a real browser: fills the sign-up page, follows the mails, watches the password
/// checklist react while typing, and signs in. Japanese and English.
/// </summary>
[Collection(Chromium.Collection)]
public sealed class SignUpInChromiumTests : IAsyncLifetime
{
    private readonly string _work = PortalFactory.NewWorkFolder();
    private SmtpServer _smtp = null!;
    private PortalProcess _idp = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpServer.StartNewAsync();
        var settings = new Dictionary<string, string>
        {
            ["Storage:DataFolder"] = Path.Combine(_work, "data"),
            ["Seed:Path"] = Path.Combine(_work, "seed"),
            ["Registration:RequireApproval"] = "false",
        };
        foreach (var (key, value) in _smtp.Settings)
        {
            settings[key] = value!;
        }
        _idp = await PortalProcess.StartServerAsync("Development", settings);
        (_playwright, _browser) = await Chromium.LaunchAsync();
    }

    [Theory]
    [InlineData("ja", "入力内容を確認する", "この内容で登録する",
        "メールアドレスを認証する", "パスワードを設定する", "サインイン")]
    [InlineData("en", "Review my details", "Register with these details", "Verify my email address", "Set password", "Sign in")]
    public async Task SignUp_ActivateAndSignIn_InTheBrowser(
        string language, string review, string send, string verify, string setPassword, string signIn)
    {
        var email = $"browser-{language}-{Guid.NewGuid():n}@example.com";
        var page = await Chromium.NewPageAsync(_browser, new BrowserNewContextOptions { Locale = language == "ja" ? "ja-JP" : "en-US" });
        await page.GotoAsync(new Uri(_idp.BaseAddress!, $"/language/{language}?returnUrl=%2Faccount%2Flogin").ToString());
        // From the sign-in page's box for first-time visitors. (Its link is followed rather than clicked: the passkey
        // button appears above it once passkeys.js has run, and on a busy machine a click aimed before that misses.)
        var signUp = await page.Locator("section.new-customer a.button").GetAttributeAsync("href");
        await page.GotoAsync(new Uri(_idp.BaseAddress!, signUp).ToString());
        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));

        await page.FillAsync("#CompanyName", "株式会社ブラウザ試験");
        await page.FillAsync("#FamilyName", language == "ja" ? "山本" : "Brown");
        await page.FillAsync("#GivenName", language == "ja" ? "五郎" : "Sam");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Phone", "０６－１２３４－５６７８");
        // 〒 → address as the code is typed (full-width, as a Japanese keyboard types it), from the portal's own table.
        await page.Locator("#PostalCode").PressSequentiallyAsync(language == "ja" ? "５３０－０００１" : "530-0001");
        await Assertions.Expect(page.Locator("#Street")).ToHaveValueAsync("梅田", new() { Timeout = Chromium.TimeoutMilliseconds });
        Assert.Equal("27", await page.InputValueAsync("#Prefecture"));
        Assert.Equal("大阪市北区", await page.InputValueAsync("#City"));
        Assert.False(string.IsNullOrEmpty(await page.TextContentAsync(".postal-status")));
        // Into the town, then the street number after it (the caret goes to the filled-in town's end).
        await page.Locator("#Street").ClickAsync();
        await page.Keyboard.TypeAsync("1-1");
        await page.FillAsync("#Serial", "2345678");
        await page.CheckAsync("#role-supplies-buyer");
        await page.CheckAsync($"#language-{language}");
        await page.CheckAsync("#AcceptTerms");
        await Chromium.ScreenshotAsync(page, $"sign-up-{language}");
        // The buttons are pressed with Enter, as from the keyboard: no pointer aimed at a page still settling.
        await page.GetByRole(AriaRole.Button, new() { Name = review, Exact = true }).PressAsync("Enter");

        // 確認画面: what will be registered, nothing sent yet.
        await page.WaitForSelectorAsync("form.register-review");
        Assert.Contains("梅田1-1", await page.TextContentAsync("form.register-review"));
        Assert.Contains(language == "ja" ? "大阪府" : "Osaka", await page.TextContentAsync("form.register-review"));
        await Chromium.ScreenshotAsync(page, $"sign-up-confirm-{language}");
        Assert.Empty(_smtp.MessagesTo(email));
        await page.GetByRole(AriaRole.Button, new() { Name = send, Exact = true }).PressAsync("Enter");
        await page.WaitForURLAsync("**/account/registered");
        await Chromium.ScreenshotAsync(page, $"registered-{language}");

        // Approval is off in this run: the verification mail follows at once.
        var verifyMail = (await _smtp.WaitForAsync(email, 2))[1];
        await page.GotoAsync(new Uri(_idp.BaseAddress!, MailLinks.Find(verifyMail, "/account/verify-email")).ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = verify }).ClickAsync();
        await page.WaitForSelectorAsync(".alert-success");

        var passwordMail = (await _smtp.WaitForAsync(email, 3))[2];
        await page.GotoAsync(new Uri(_idp.BaseAddress!, MailLinks.Find(passwordMail, "/account/set-password")).ToString());
        var length = page.Locator(".password-checklist li[data-rule=length]");
        var upper = page.Locator(".password-checklist li[data-rule=uppercase]");
        Assert.DoesNotContain("met", await length.GetAttributeAsync("class") ?? "");
        await page.Locator("#password").PressSequentiallyAsync("abcdefgh");
        Assert.Contains("met", await length.GetAttributeAsync("class") ?? "");
        Assert.DoesNotContain("met", await upper.GetAttributeAsync("class") ?? "");
        await page.Locator("#password").PressSequentiallyAsync("X1");
        Assert.Contains("met", await upper.GetAttributeAsync("class") ?? "");
        await Chromium.ScreenshotAsync(page, $"set-password-{language}");
        await page.FillAsync("#confirm-password", "abcdefghX1");
        await page.GetByRole(AriaRole.Button, new() { Name = setPassword }).ClickAsync();
        await page.WaitForSelectorAsync(".alert-success");

        await page.GotoAsync(new Uri(_idp.BaseAddress!, "/account/login").ToString());
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", "abcdefghX1");
        await page.GetByRole(AriaRole.Button, new() { Name = signIn, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        var completed = (await _smtp.WaitForAsync(email, 4))[3];
        Assert.Contains(language == "ja" ? "ステップ 3/3" : "Step 3/3", completed.Subject);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _idp.DisposeAsync();
        await _smtp.DisposeAsync();
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }
}
