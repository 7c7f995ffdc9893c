using System.Net;
using System.Text.RegularExpressions;
using CustomerPortal.Identity.FunctionalTests.Account;
using CustomerPortal.Identity.FunctionalTests.Registration;
using CustomerPortal.Testing;
using MimeKit;

namespace CustomerPortal.Identity.FunctionalTests.Security;

/// <summary>
/// The Quick start's configuration: Development, no public origin set, the IdP on a real socket.
/// </summary>
public sealed class QuickStartPortal : IAsyncLifetime
{
    public MailPortalFactory Portal { get; } = new();

    /// <summary>Where Kestrel listens, which is then the origin of every emailed link.</summary>
    public Uri Listening { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Portal.InitializeAsync();
        Portal.Settings["Registration:PublicOrigin"] = "";
        Portal.StartOnLoopback();
        Listening = Portal.ClientOptions.BaseAddress;
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)Portal).DisposeAsync();
}

/// <summary>
/// Host header injection: an attacker posts a form for the victim with <c>Host: attacker.example</c>
/// hoping the victim's genuine mail carries a link (and its token) to the attacker's site. Every
/// link in every mail points at the portal itself (here, with no origin configured, where Kestrel
/// listens), whatever the request said; redirects name no host at all.
/// </summary>
public sealed partial class EmailedLinkOriginTests(QuickStartPortal quickStart) : IClassFixture<QuickStartPortal>
{
    private const string AttackerHost = "attacker.example";
    private const string Password = "Origin-Pass-2026";
    private readonly MailPortalFactory portal = quickStart.Portal;

    [Fact]
    public async Task ForgotPassword_PostedWithAnAttackersHost_MailsALinkToThePortal()
    {
        var email = await NewCustomerAsync();
        using var attacker = AttackerBrowser();

        await attacker.RequestResetLinkAsync(email);

        AssertLinksPointAtThePortal((await portal.Smtp.WaitForAsync(email, 1))[0]);
    }

    [Fact]
    public async Task ResendFromAnUnusableLink_PostedWithAnAttackersHost_MailsALinkToThePortal()
    {
        var email = await NewCustomerAsync();
        using var attacker = AttackerBrowser();

        var page = await attacker.GetPageAsync("/account/link?purpose=reset-password&reason=expired");
        await attacker.SubmitAsync(page, "form[method=post]", new Dictionary<string, string> { ["Email"] = email });

        AssertLinksPointAtThePortal((await portal.Smtp.WaitForAsync(email, 1))[0]);
    }

    [Fact]
    public async Task RegisteringAnAddressAgain_WithAnAttackersHost_MailsTheOwnerALinkToThePortal()
    {
        var email = await NewCustomerAsync();
        using var attacker = AttackerBrowser();

        var form = await RegistrationPage.OpenAsync(attacker);
        Assert.Equal(HttpStatusCode.Redirect, (await form.SubmitAsync(RegistrationPage.ValidInput(email))).StatusCode);

        AssertLinksPointAtThePortal((await portal.Smtp.WaitForAsync(email, 1))[0]);
    }

    [Fact]
    public async Task EmailChange_RequestedWithAnAttackersHost_MailsALinkToThePortal()
    {
        var email = await NewCustomerAsync();
        var newEmail = $"origin-new-{Guid.NewGuid():n}@example.com";
        using var browser = await portal.SignedInBrowserAsync(email, Password);
        browser.Http.DefaultRequestHeaders.Host = AttackerHost;

        var settings = await SettingsPage.OpenAsync(browser);
        await settings.EditAsync("email", "form.email-form", new() { ["NewEmail"] = newEmail, ["CurrentPassword"] = Password });

        AssertLinksPointAtThePortal((await portal.Smtp.WaitForAsync(newEmail, 1))[0]);
    }

    [Theory]
    [InlineData("/account/settings")]
    [InlineData("/staff/users")]
    public async Task ARedirectToSignIn_NeverNamesTheRequestsHost(string path)
    {
        using var attacker = AttackerBrowser();

        var response = await attacker.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login?ReturnUrl=", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AnAuthorizationRequestWithoutSession_IsSentToSignInOnThisHost()
    {
        using var attacker = AttackerBrowser();

        var response = await attacker.GetAsync(OAuthClient.Web(attacker).AuthorizeUrl());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain(AttackerHost, response.Headers.Location!.OriginalString);
        Assert.StartsWith("/account/login", response.Headers.Location.OriginalString);
    }

    private Browser AttackerBrowser()
    {
        var browser = portal.CreateBrowser();
        browser.Http.DefaultRequestHeaders.Host = AttackerHost;
        return browser;
    }

    private void AssertLinksPointAtThePortal(MimeMessage mail)
    {
        Assert.DoesNotContain(AttackerHost, mail.TextBody);
        Assert.DoesNotContain(AttackerHost, mail.HtmlBody);
        Assert.NotEmpty(Links(mail));
        Assert.All(Links(mail), link => Assert.StartsWith($"{quickStart.Listening.Scheme}://{quickStart.Listening.Authority}/", link));
    }

    /// <summary>The links to the IdP (links to the apps come from the Apps:* settings, never from a request).</summary>
    private static List<string> Links(MimeMessage mail) =>
        [.. LinkPattern().Matches(mail.TextBody ?? "").Select(m => m.Value).Where(link => !link.StartsWith("http://localhost:510", StringComparison.Ordinal))];

    private async Task<string> NewCustomerAsync()
    {
        var email = $"origin-{Guid.NewGuid():n}@example.com";
        await portal.CreateActiveUserAsync(email, Password, "supplies-buyer");
        return email;
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex LinkPattern();
}
