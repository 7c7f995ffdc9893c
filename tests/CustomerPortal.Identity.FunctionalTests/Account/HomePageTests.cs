using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Account;

/// <summary>The IdP's home after a direct sign-in: quick actions by role, the Help menu, notices.</summary>
public sealed class HomePageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task SuppliesBuyer_SeesOrderingAndSupport_InTheQuickActions()
    {
        using var browser = await SettingsPage.SignedInAsync(portal, Accounts.Buyer.Email, Accounts.Buyer.Password);

        var home = await browser.GetPageAsync("/");

        Assert.Equal("http://localhost:5102/", home.QuerySelector("a[data-app=ordering]")!.GetAttribute("href"));
        Assert.Equal("http://localhost:5103/inquiries/new", home.QuerySelector("a[data-app=contact]")!.GetAttribute("href"));
        Assert.Equal("http://localhost:5103/faq", home.QuerySelector("a[data-app=faq]")!.GetAttribute("href"));
        Assert.Contains("お問い合わせフォーム", home.QuerySelector("details.help-menu")!.TextContent);
        Assert.NotNull(home.QuerySelector("section.notices"));
        Assert.Null(home.QuerySelector("ul.staff-links"));
    }

    [Fact]
    public async Task CustomerWithoutTheBuyerRole_DoesNotSeeOrdering()
    {
        using var browser = await SettingsPage.SignedInAsync(portal, "purchaser@example.com", "Purchaser-2026");

        var home = await browser.GetPageAsync("/");

        Assert.Null(home.QuerySelector("a[data-app=ordering]"));
        Assert.NotNull(home.QuerySelector("a[data-app=contact]"));
    }

    [Fact]
    public async Task Staff_SeeTheirConsoleLinks()
    {
        using var browser = await SettingsPage.SignedInAsync(portal, Accounts.Staff.Email, Accounts.Staff.Password);

        var home = await browser.GetPageAsync("/");

        Assert.NotNull(home.QuerySelector("ul.staff-links a[href='/staff/registrations']"));
        Assert.Null(home.QuerySelector("ul.staff-links a[href='/staff/maintenance']"));
    }
}
