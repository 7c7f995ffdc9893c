using System.Net;
using CustomerPortal.Identity.FunctionalTests.Account;
using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Security;

/// <summary>
/// Someone holding a hijacked session cannot guess the current password without end on the email
/// change or password change: wrong answers count toward the account's lockout, as at sign-in.
/// </summary>
public sealed class CurrentPasswordGuessingTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Password = "Guess-Pass-2026";

    [Fact]
    public async Task GuessingOnChangePassword_LocksTheAccountLikeSignIn()
    {
        var email = await NewCustomerAsync();
        using var hijacked = await portal.SignedInBrowserAsync(email, Password);

        string? error = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            error = await ChangePasswordAsync(hijacked, $"Guess-{attempt}-Wrong1");
        }

        Assert.Equal("現在のパスワードの誤りが続いたため、一時的に受け付けを停止しています。" +
            "しばらくたってから再度お試しください。", error);
        // Locked: even the right password is no longer checked, here or at sign-in.
        Assert.NotNull(await ChangePasswordAsync(hijacked, Password));
        using var owner = portal.CreateBrowser();
        Assert.Equal(HttpStatusCode.OK, (await (await LoginPage.OpenAsync(owner)).SubmitAsync(email, Password)).StatusCode);
    }

    [Fact]
    public async Task GuessingOnEmailChange_CountsTowardTheSameLockout()
    {
        var email = await NewCustomerAsync();
        using var hijacked = await portal.SignedInBrowserAsync(email, Password);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var settings = await SettingsPage.OpenAsync(hijacked);
            await settings.EditAsync("email", "form.email-form",
                new() { ["NewEmail"] = $"taken-{attempt}@example.com", ["CurrentPassword"] = $"Guess-{attempt}-Wrong1" });
        }

        var last = await (await SettingsPage.OpenAsync(hijacked)).EditAsync("email", "form.email-form",
            new() { ["NewEmail"] = "taken-last@example.com", ["CurrentPassword"] = Password });
        Assert.Equal("現在のパスワードの誤りが続いたため、一時的に受け付けを停止しています。" +
            "しばらくたってから再度お試しください。", last.ErrorFor("CurrentPassword"));
    }

    private static async Task<string?> ChangePasswordAsync(Browser browser, string current) =>
        (await browser.ChangePasswordAsync(current, "Guess-Pass-2027")).QuerySelector("#current-error")?.TextContent.Trim();

    private async Task<string> NewCustomerAsync()
    {
        var email = $"guess-{Guid.NewGuid():n}@example.com";
        await portal.CreateActiveUserAsync(email, Password, "supplies-buyer");
        return email;
    }
}
