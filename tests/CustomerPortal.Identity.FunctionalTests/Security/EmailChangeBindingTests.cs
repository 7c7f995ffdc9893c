using System.Net;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.FunctionalTests.Account;
using CustomerPortal.Identity.FunctionalTests.Registration;
using CustomerPortal.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Identity.FunctionalTests.Security;

/// <summary>
/// An email-change link can only make the address it was sent to the sign-in address, and only
/// while nothing has changed the account's security since it was sent.
/// </summary>
public sealed class EmailChangeBindingTests(MailPortalFactory portal) : IClassFixture<MailPortalFactory>
{
    private const string Password = "Binding-Pass-2026";

    [Fact]
    public async Task AnEarlierLink_CannotApplyALaterRequestsAddress()
    {
        var email = await NewCustomerAsync();
        var ownSecondAddress = $"own-{Guid.NewGuid():n}@example.com";
        var someoneElses = $"victim-{Guid.NewGuid():n}@example.com";
        using var browser = await portal.SignedInBrowserAsync(email, Password);

        await RequestChangeAsync(browser, ownSecondAddress);
        var firstLink = MailLinks.Find((await portal.Smtp.WaitForAsync(ownSecondAddress, 1))[0], "/account/confirm-email");
        await RequestChangeAsync(browser, someoneElses);
        await portal.Smtp.WaitForAsync(someoneElses, 1);

        var outcome = await ConfirmAsync(browser, firstLink);

        Assert.NotEqual(HttpStatusCode.OK, outcome.StatusCode);
        Assert.Equal(email, await CurrentEmailAsync(email, someoneElses, ownSecondAddress));
        // The other person's address is still free for them to register.
        Assert.Null(await FindAsync(someoneElses));
    }

    [Fact]
    public async Task APendingChange_DiesWithAPasswordReset_SoAnAttackerCannotTakeTheAccountBack()
    {
        var email = await NewCustomerAsync();
        var attackerAddress = $"attacker-{Guid.NewGuid():n}@example.com";
        using var attacker = await portal.SignedInBrowserAsync(email, Password);
        await RequestChangeAsync(attacker, attackerAddress);
        var link = MailLinks.Find((await portal.Smtp.WaitForAsync(attackerAddress, 1))[0], "/account/confirm-email");

        // The owner notices and resets the password by mail.
        using var owner = portal.CreateBrowser();
        await owner.RequestResetLinkAsync(email);
        var resetMail = (await portal.Smtp.WaitForAsync(email, 2)).Single(m => m.Subject!.Contains("パスワードの再設定"));
        var resetPage = await owner.GetPageAsync(MailLinks.Find(resetMail, "/account/reset-password"));
        await owner.SubmitAsync(resetPage, "section form[method=post]",
            new Dictionary<string, string> { ["Password"] = "Binding-Pass-2027", ["ConfirmPassword"] = "Binding-Pass-2027" });

        using var later = portal.CreateBrowser();
        var outcome = await ConfirmAsync(later, link);

        Assert.NotEqual(HttpStatusCode.OK, outcome.StatusCode);
        Assert.Equal(email, await CurrentEmailAsync(email, attackerAddress));
    }

    [Fact]
    public async Task APendingChange_DiesWhenEveryOtherBrowserIsSignedOut()
    {
        var email = await NewCustomerAsync();
        var attackerAddress = $"attacker-{Guid.NewGuid():n}@example.com";
        using var attacker = await portal.SignedInBrowserAsync(email, Password);
        await RequestChangeAsync(attacker, attackerAddress);
        var link = MailLinks.Find((await portal.Smtp.WaitForAsync(attackerAddress, 1))[0], "/account/confirm-email");

        using var owner = await portal.SignedInBrowserAsync(email, Password);
        await owner.SignOutOtherBrowsersAsync();

        using var later = portal.CreateBrowser();
        Assert.NotEqual(HttpStatusCode.OK, (await ConfirmAsync(later, link)).StatusCode);
        Assert.Equal(email, await CurrentEmailAsync(email, attackerAddress));
    }

    private static async Task RequestChangeAsync(Browser browser, string newEmail)
    {
        var settings = await SettingsPage.OpenAsync(browser);
        var requested = await settings.EditAsync("email", "form.email-form", new() { ["NewEmail"] = newEmail, ["CurrentPassword"] = Password });
        Assert.Contains(newEmail, requested.SectionText("email"));
    }

    /// <summary>Opens the link and confirms, as its recipient would; a refused link redirects to the link page.</summary>
    private static async Task<HttpResponseMessage> ConfirmAsync(Browser browser, string link)
    {
        var opened = await browser.GetAsync(link);
        if (opened.StatusCode != HttpStatusCode.OK)
        {
            return opened;
        }
        var confirmed = await browser.SubmitAsync(await browser.ParseAsync(opened), "section form[method=post]");
        var page = await browser.ParseAsync(confirmed);
        return page.QuerySelector(".alert-success") is null ? new HttpResponseMessage(HttpStatusCode.Conflict) : confirmed;
    }

    private async Task<PortalUser?> FindAsync(string email)
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email);
    }

    /// <summary>The sign-in address of the account that any of <paramref name="addresses"/> names.</summary>
    private async Task<string?> CurrentEmailAsync(params string[] addresses)
    {
        foreach (var address in addresses)
        {
            if (await FindAsync(address) is { } user)
            {
                return user.Email;
            }
        }
        return null;
    }

    private async Task<string> NewCustomerAsync()
    {
        var email = $"binding-{Guid.NewGuid():n}@example.com";
        await portal.CreateActiveUserAsync(email, Password, "supplies-buyer");
        return email;
    }
}
