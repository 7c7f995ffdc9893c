using CustomerPortal.Testing;
using Microsoft.Playwright;

namespace CustomerPortal.Journeys.Tests;

/// <summary>
/// Guide sections 5–7 in a real browser: the top menu, account settings with its pencils, a new
/// address in the address book, change password and sign out — in Japanese and in English.
/// </summary>
[Collection(Chromium.Collection)]
public sealed class AccountSettingsInChromiumTests : IAsyncLifetime
{
    private readonly string _work = PortalFactory.NewWorkFolder();
    private PortalProcess _idp = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _idp = await PortalProcess.StartServerAsync("Development", new()
        {
            ["Storage:DataFolder"] = Path.Combine(_work, "data"),
            ["Seed:Path"] = Path.Combine(_work, "seed"),
        });
        (_playwright, _browser) = await Chromium.LaunchAsync();
    }

    [Theory]
    [InlineData("ja", "operator@example.com", "Operator-2026", "アカウント設定", "保存", "宛先を保存しました。", "ログアウト")]
    [InlineData("en", "operator@example.com", "Operator-2026", "Account settings", "Save", "The address is saved.", "Sign out")]
    public async Task Customer_WalksAccountSettings(
        string language, string email, string password, string settingsTitle, string save, string addressSaved, string signOut)
    {
        var page = await Chromium.NewPageAsync(_browser);
        await page.GotoAsync(Url($"/language/{language}?returnUrl=%2Faccount%2Flogin"));
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.Locator("form[method=post] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        // The customer's name opens the menu of the guide: account settings, change password, sign out.
        await page.Locator("details.user-menu summary").ClickAsync();
        await page.Locator("details.user-menu").GetByRole(AriaRole.Link, new() { Name = settingsTitle }).ClickAsync();
        await page.WaitForURLAsync("**/account/settings");
        Assert.Equal(settingsTitle, (await page.Locator("h1").TextContentAsync())?.Trim());
        await Chromium.ScreenshotAsync(page, $"account-settings-{language}");

        // A pencil opens the user info; saving shows the saved state.
        await page.Locator("#profile a.edit-link").ClickAsync();
        await page.FillAsync("#Department", language == "ja" ? "業務部" : "Operations");
        await page.GetByRole(AriaRole.Button, new() { Name = save, Exact = true }).ClickAsync();
        await page.WaitForSelectorAsync("[role=status]");

        // 宛先管理: a new address with label and purpose.
        await page.Locator("#addresses a.button").ClickAsync();
        await page.FillAsync("#Label", language == "ja" ? "本社" : "Head office");
        await page.FillAsync("#Purpose", language == "ja" ? "請求書送付先" : "Invoices");
        await page.FillAsync("#PostalCode", "1000001");
        await page.SelectOptionAsync("#Prefecture", "13");
        await page.FillAsync("#City", "千代田区");
        await page.FillAsync("#Street", "千代田1-1");
        await page.CheckAsync("#IsDefaultBilling");
        await Chromium.ScreenshotAsync(page, $"address-new-{language}");
        await page.GetByRole(AriaRole.Button, new() { Name = save, Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/account/settings?saved=address*");
        Assert.Equal(addressSaved, (await page.Locator("[role=status]").TextContentAsync())?.Trim());
        Assert.Contains("100-0001", await page.Locator("table.addresses").TextContentAsync());
        await Chromium.ScreenshotAsync(page, $"account-settings-saved-{language}");

        await page.GotoAsync(Url("/account/password"));
        await Chromium.ScreenshotAsync(page, $"change-password-{language}");

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
