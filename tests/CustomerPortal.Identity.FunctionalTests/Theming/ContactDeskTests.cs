using CustomerPortal.Identity.FunctionalTests.Registration;
using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Theming;

/// <summary>
/// The desk customers write to is one setting (Portal:Contact:Email): the footer of every page names
/// the deployment's address, as the mails' signature does, not the theme's default.
/// </summary>
public sealed class ContactDeskTests(MailPortalFactory portal) : IClassFixture<MailPortalFactory>
{
    [Fact]
    public async Task TheFooter_NamesTheConfiguredDesk()
    {
        using var browser = await portal.SignedInBrowserAsync(Accounts.Buyer.Email, Accounts.Buyer.Password);

        var settings = await browser.GetPageAsync("/account/settings");

        Assert.Equal($"mailto:{MailPortalFactory.ContactEmail}", settings.QuerySelector("footer.site-footer a[href^='mailto:']")!.GetAttribute("href"));
        Assert.DoesNotContain("CP_Reg@pb.com", settings.DocumentElement.TextContent);
    }
}
