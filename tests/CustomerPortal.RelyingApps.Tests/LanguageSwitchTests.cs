using System.Net;
using AngleSharp.Dom;

namespace CustomerPortal.RelyingApps.Tests;

/// <summary>
/// The globe switch in the apps' top bar: the app's page changes language at once, the IdP saves the
/// choice as the user's language (the next sign-in's locale claim), the other app follows through the
/// links between them, and the switch never leads outside the portal's registered apps.
/// </summary>
[Collection(PortalStackFixture.Collection)]
public sealed class LanguageSwitchTests(PortalStackFixture portal)
{
    private static readonly (string Email, string Password) User = PortalStackFixture.LanguageSwitcher;

    private Uri Ordering(string path) => new(portal.Ordering, path);
    private Uri Support(string path) => new(portal.Support, path);

    [Fact]
    public async Task Switch_ShowsTheAppInTheChosenLanguage_SavesItAtTheIdP_AndTheOtherAppFollows()
    {
        using var session = AppSession.New();
        var orders = await session.SignInAsync(Ordering("orders"), User.Email, User.Password);
        Assert.Equal("ja", orders.DocumentElement.GetAttribute("lang"));

        // The globe, top right like the IdP's; its English link passes through the IdP and back to this page.
        var english = await FollowAsync(session, orders.QuerySelector("header.top-bar nav.language a[lang=en]")!);
        Assert.True(AppSession.IsAt(english, Ordering("orders")), $"ended at {english.Url}");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Order history", AppSession.Heading(english));
        // The session's locale claim still says ja; the choice wins over it on every page of the app.
        Assert.Equal("en", (await session.OpenAsync(Ordering("catalog"))).Page.DocumentElement.GetAttribute("lang"));

        // The other app, reached through this one's Help menu, shows English too, and keeps it.
        var faq = await FollowAsync(session, english.QuerySelectorAll("details.help-menu a").Single(a => a.GetAttribute("href")!.Contains("/faq")));
        Assert.True(AppSession.IsAt(faq, Support("faq")), $"ended at {faq.Url}");
        Assert.DoesNotContain("ui_locales", faq.Url);
        Assert.Equal("en", faq.DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", (await session.OpenAsync(Support("inquiries"))).Page.DocumentElement.GetAttribute("lang"));

        // The IdP saved it: a sign-in on another browser gets it in the locale claim.
        using var elsewhere = AppSession.New();
        var there = await elsewhere.SignInAsync(Ordering("orders"), User.Email, User.Password);
        Assert.Equal("en", there.DocumentElement.GetAttribute("lang"));

        // Back to Japanese, for the other tests of this account's pages.
        var japanese = await FollowAsync(session, english.QuerySelector("header.top-bar nav.language a[lang=ja]")!);
        Assert.Equal("ja", japanese.DocumentElement.GetAttribute("lang"));
        Assert.Equal("注文履歴", AppSession.Heading(japanese));
    }

    [Fact]
    public async Task ChoiceMadeInTheApp_GivesWayAtTheNextSignIn_ToTheLanguageTheIdPHasThen()
    {
        using var session = AppSession.New();
        var orders = await session.SignInAsync(Ordering("orders"), User.Email, User.Password);
        var english = await FollowAsync(session, orders.QuerySelector("nav.language a[lang=en]")!);
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));

        // Later the user chooses Japanese at the IdP itself; this app's session still shows the choice made here.
        await session.OpenAsync(new Uri(portal.Identity, "language/ja?returnUrl=%2F"));
        Assert.Equal("en", (await session.OpenAsync(Ordering("orders"))).Page.DocumentElement.GetAttribute("lang"));

        // Signed out and in again, the new locale claim decides.
        await session.SubmitAsync(english, "form[action='/signout']");
        var again = await session.SignInAsync(Ordering("orders"), User.Email, User.Password);
        Assert.Equal("ja", again.DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("https://evil.test/")]
    [InlineData("//evil.test/")]
    [InlineData("/\\evil.test/")]
    public async Task Switch_NeverLeadsOutsideThePortal(string returnUrl)
    {
        using var session = AppSession.New();
        await session.SignInAsync(Ordering("orders"), User.Email, User.Password);

        // The app sends only its own pages to the IdP's switch, which returns only to registered apps.
        var (status, location) = await session.PeekAsync(Ordering("language/ja?returnUrl=" + Uri.EscapeDataString(returnUrl)));
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.StartsWith(new Uri(portal.Identity, "language/ja?returnUrl=").ToString(), location!.ToString());
        Assert.Equal(Ordering("").ToString(), System.Web.HttpUtility.ParseQueryString(location.Query)["returnUrl"]);

        var (_, fromIdp) = await session.PeekAsync(new Uri(portal.Identity, "language/ja?returnUrl=" + Uri.EscapeDataString(returnUrl)));
        Assert.Equal("/", fromIdp!.ToString());
    }

    private static async Task<IDocument> FollowAsync(AppSession session, IElement link) =>
        (await session.OpenAsync(new Uri(new Uri(link.Owner!.Url), link.GetAttribute("href")!))).Page;
}
