using CustomerPortal.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CustomerPortal.Identity.FunctionalTests.SecondFactor;

/// <summary>
/// The IdP as shipped for second factors (staff and admins must have one, the demo staff hold the
/// seeded keys), on a clock the tests move in 30-second steps, its mail going to a real SMTP server.
/// </summary>
public sealed class TwoStepPortal : PortalFactory, IAsyncLifetime
{
    public TwoStepPortal()
    {
        // Mid-step, so that "one step earlier" and "one step later" are whole steps away.
        var now = DateTimeOffset.UtcNow;
        Clock = new FakeTimeProvider(now.AddSeconds(15 - now.ToUnixTimeSeconds() % 30));
        DemoSecondFactors.RestoreInto(SeedFolder);
        Settings[DemoSecondFactors.RequirementSetting] = "staff,admin";
    }

    public SmtpServer Smtp { get; } = SmtpServer.Reserve();

    public string CodeNow(string key) => AuthenticatorCodes.At(key, Clock!.GetUtcNow());

    /// <summary>The next 30-second step: a code of the step before is spent.</summary>
    public void NextStep() => Clock!.Advance(TimeSpan.FromSeconds(30));

    /// <summary>
    /// Turns the authenticator app on from <paramref name="page"/> (account settings, or a step-up),
    /// as a user does: the key read off the page, the code computed from it. Returns the key and the recovery codes shown.
    /// </summary>
    public async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> TurnOnAuthenticatorAsync(Browser browser, string page)
    {
        var setup = await browser.GetPageAsync(page);
        Assert.NotNull(setup.QuerySelector("figure.qr-code svg"));
        var key = AuthenticatorCodes.KeyFromPage(setup.QuerySelector("code.authenticator-key")!.TextContent);
        var done = await browser.ParseAsync(await browser.SubmitAsync(setup, "ol.authenticator-setup form",
            new Dictionary<string, string> { ["Code"] = CodeNow(key) }));
        Assert.StartsWith("data:text/plain", done.QuerySelector("a[download]")!.GetAttribute("href"));
        return (key, [.. done.QuerySelectorAll("ol.recovery-code-list code").Select(c => c.TextContent)]);
    }

    /// <summary>A demo member of staff (or admin) signed in as shipped: password, then a fresh code of the seeded key.</summary>
    public async Task<Browser> SignedInDemoStaffAsync((string Email, string Password) account)
    {
        var browser = CreateBrowser();
        var afterPassword = await (await LoginPage.OpenAsync(browser)).SubmitAsync(account.Email, account.Password);
        Assert.Equal("/account/login/code", afterPassword.Headers.Location!.ToString());
        NextStep();
        var signedIn = await browser.SubmitAsync(await browser.GetPageAsync("/account/login/code"), "form[method=post]",
            new Dictionary<string, string> { ["Code"] = CodeNow(DemoSecondFactors.KeyOf(account.Email)) });
        Assert.Equal("/", signedIn.Headers.Location!.ToString());
        return browser;
    }

    public async Task InitializeAsync()
    {
        await Smtp.StartAsync();
        foreach (var (key, value) in Smtp.Settings)
        {
            Settings[key] = value;
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Smtp.DisposeAsync();
        await base.DisposeAsync();
    }
}
