using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Account;

/// <summary>
/// The IdP's home after a direct sign-in: a card per thing the user's roles give (ordering for supplies
/// buyers, the company's machines, inquiries), the Help menu, notices; staff see their console.
/// </summary>
public sealed class HomePageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task SuppliesBuyer_SeesOrderingTheCompanysMachinesAndInquiries_LinkedInThePagesLanguage()
    {
        using var browser = await SettingsPage.SignedInAsync(portal, Accounts.Buyer.Email, Accounts.Buyer.Password);

        var home = await browser.GetPageAsync("/");

        // The apps open in the language of this page, whatever their sign-in said.
        Assert.Equal("http://localhost:5102/?ui_locales=ja", home.QuerySelector("a[data-app=ordering]")!.GetAttribute("href"));
        Assert.Equal("http://localhost:5103/?ui_locales=ja", home.QuerySelector("a[data-app=inquiries]")!.GetAttribute("href"));
        Assert.Equal("http://localhost:5103/inquiries/new?ui_locales=ja", home.QuerySelector("a[data-app=contact]")!.GetAttribute("href"));
        Assert.Equal("http://localhost:5103/faq?ui_locales=ja", home.QuerySelector("a[data-app=faq]")!.GetAttribute("href"));
        Assert.Contains("最近のご注文を見る", home.QuerySelector("section.ordering-card")!.TextContent);
        // The company's machines (C0001 owns both demo serials), not buttons.
        var machines = home.QuerySelectorAll("section.machines-card li[data-serial]").Select(m => m.TextContent).ToList();
        Assert.Equal(2, machines.Count);
        Assert.Contains("DM300c", machines[0]);
        Assert.Contains("シリアルナンバー：1234567", machines[0]);
        Assert.Contains("DM400c", machines[1]);
        Assert.Contains("お問い合わせフォーム", home.QuerySelector("details.help-menu")!.TextContent);
        Assert.NotNull(home.QuerySelector("section.notices"));
        Assert.Null(home.QuerySelector("ul.staff-links"));
    }

    [Fact]
    public async Task CustomerWithoutTheBuyerRole_SeesMachinesAndInquiries_ButNoOrdering()
    {
        using var browser = await SettingsPage.SignedInAsync(portal, Accounts.Purchaser.Email, Accounts.Purchaser.Password);

        var home = await browser.GetPageAsync("/");

        Assert.Null(home.QuerySelector("section.ordering-card"));
        Assert.Null(home.QuerySelector("a[data-app=ordering]"));
        Assert.Equal(2, home.QuerySelectorAll("section.machines-card li[data-serial]").Length);
        Assert.NotNull(home.QuerySelector("a[data-app=contact]"));
    }

    [Fact]
    public async Task CustomerWithoutMachines_IsToldSo_AndWhereToAddThem()
    {
        await portal.CreateActiveUserAsync("home-no-machines@example.com", "NoMachines-2026", "supplies-buyer");
        using var browser = await SettingsPage.SignedInAsync(portal, "home-no-machines@example.com", "NoMachines-2026");

        var card = (await browser.GetPageAsync("/")).QuerySelector("section.machines-card")!;

        Assert.Empty(card.QuerySelectorAll("li[data-serial]"));
        Assert.Contains("登録されている機器はありません。", card.TextContent);
        Assert.Equal("/account/settings#machines", card.QuerySelector("a[data-app=settings]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task InEnglish_TheCardsAndTheirLinksAreEnglish()
    {
        using var browser = await SettingsPage.SignedInAsync(portal, Accounts.Buyer.Email, Accounts.Buyer.Password);
        await browser.GetAsync("/language/en?returnUrl=%2F");

        var home = await browser.GetPageAsync("/");

        Assert.Equal("Supplies ordering", home.QuerySelector("section.ordering-card h2")!.TextContent.Trim());
        Assert.Contains("Serial number 1234567", home.QuerySelector("section.machines-card")!.TextContent);
        Assert.Equal("http://localhost:5102/orders?ui_locales=en",
            home.QuerySelectorAll("section.ordering-card a").Single(a => a.TextContent == "Order history").GetAttribute("href"));
    }

    [Fact]
    public async Task Staff_SeeTheirConsoleLinks_AndNoCustomerCards()
    {
        using var browser = await SettingsPage.SignedInAsync(portal, Accounts.Staff.Email, Accounts.Staff.Password);

        var home = await browser.GetPageAsync("/");

        Assert.NotNull(home.QuerySelector("ul.staff-links a[href='/staff/registrations']"));
        Assert.Null(home.QuerySelector("ul.staff-links a[href='/staff/maintenance']"));
        Assert.Null(home.QuerySelector("div.home-cards"));
    }
}
