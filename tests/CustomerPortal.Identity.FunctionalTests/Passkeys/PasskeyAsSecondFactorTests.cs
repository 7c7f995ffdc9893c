using System.Net;
using System.Text.Json.Nodes;
using CustomerPortal.Identity.FunctionalTests.SecondFactor;
using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Passkeys;

/// <summary>
/// A passkey as the second factor that staff must have: enrolled right after the password, asked
/// after the password from then on (only that account's passkey will do), and confirming a staff
/// action later; an app asking for the phishing-resistant level gets a passkey step.
/// </summary>
public sealed class PasskeyAsSecondFactorTests(TwoStepPortal portal) : IClassFixture<TwoStepPortal>
{
    private const string Password = "PasskeyStaff-2026";
    private const string EnrolForm = "section.enrol-passkey form.passkey-form";
    private const string StepForm = "form.passkey-form";

    [Fact]
    public async Task StaffEnrolAPasskey_ThenEachSignInAsksForIt_AndNoOtherAccountsPasskeyWillDo()
    {
        var (email, passkey) = await StaffWithPasskeyAsync();

        using var browser = portal.CreateBrowser();
        Assert.Equal("/account/login/code", (await (await LoginPage.OpenAsync(browser)).SubmitAsync(email, Password)).Headers.Location!.OriginalString);
        var step = await browser.GetPageAsync("/account/login/code");
        // No authenticator app: the passkey is the step, with no code field and no recovery codes.
        Assert.Null(step.QuerySelector("input[name=Code]"));
        Assert.Null(step.QuerySelector("a[href^='/account/login/recovery']"));

        // Someone else's passkey, offered although the options name only this account's: refused.
        using var another = await CustomerPasskeyAsync();
        var refused = await PasskeySteps.UseAsync(browser, step, StepForm, options => another.Assert(WithoutAllowedCredentials(options)));
        Assert.Contains("確認できませんでした", await PasskeySteps.AlertAsync(browser, refused));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/staff/registrations")).StatusCode);

        var signedIn = await PasskeySteps.UseAsync(browser, await browser.GetPageAsync("/account/login/code"), StepForm, passkey.Assert);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/staff/registrations")).StatusCode);
    }

    [Fact]
    public async Task AStaffActionLongAfterThePasskey_AsksForItAgain_ThenRunsWithWhatWasTyped()
    {
        var (email, passkey) = await StaffWithPasskeyAsync();
        using var staff = portal.CreateBrowser();
        await (await LoginPage.OpenAsync(staff)).SubmitAsync(email, Password);
        await PasskeySteps.UseAsync(staff, await staff.GetPageAsync("/account/login/code"), StepForm, passkey.Assert);

        portal.Clock!.Advance(TimeSpan.FromMinutes(16));
        var asked = await staff.ParseAsync(await StaffNoticeForm.SaveAsync(portal, staff, "パスキーで確認したお知らせ"));
        Assert.Null(asked.QuerySelector("section.staff-step-up input[name=__StepUpCode]"));
        var done = await PasskeySteps.UseAsync(staff, asked, "section.staff-step-up form", passkey.Assert, field: "__StepUpPasskey");

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains("パスキーで確認したお知らせ", await StaffNoticeForm.NoticesAsync(staff));
    }

    [Fact]
    public async Task AnAppAskingForPhishingResistance_GetsAPasskeyStep_OrInteractionRequired()
    {
        var email = $"acr-passkey-{Guid.NewGuid():n}@example.com";
        await portal.CreateActiveUserAsync(email, Password, "supplies-buyer");
        using var browser = await portal.SignedInBrowserAsync(email, Password);
        var client = OAuthClient.Web(browser);
        var phishingResistant = new Dictionary<string, string?> { ["acr_values"] = "urn:customer-portal:acr:phishing-resistant" };

        var silent = await client.AuthorizeAsync(credentials: null, extra: new Dictionary<string, string?>(phishingResistant) { ["prompt"] = "none" });
        Assert.Equal("interaction_required", silent.Error);

        var toStepUp = await browser.GetAsync(client.AuthorizeUrl(extra: phishingResistant));
        var stepUp = await browser.GetPageAsync(toStepUp.Headers.Location!.OriginalString);
        // Only a passkey reaches that level: no code, no authenticator setup; this account adds one here.
        Assert.Null(stepUp.QuerySelector("input[name=Code]"));
        using var passkey = new SoftwarePasskey();
        var back = await PasskeySteps.UseAsync(browser, stepUp, StepForm, passkey.Register);
        var tokens = await client.RedeemAsync(client.ToClient(await browser.FollowAsync(back)).Code!);

        var claims = tokens.IdTokenClaims();
        Assert.Equal("urn:customer-portal:acr:phishing-resistant", claims.GetProperty("acr").GetString());
        Assert.Contains("hwk", claims.GetProperty("amr").EnumerateArray().Select(v => v.GetString()));
    }

    /// <summary>A new member of staff who enrolled a passkey (instead of an authenticator app) at the first sign-in.</summary>
    private async Task<(string Email, SoftwarePasskey Passkey)> StaffWithPasskeyAsync()
    {
        var email = $"passkey-staff-{Guid.NewGuid():n}@example.com";
        await portal.CreateActiveUserAsync(email, Password, "staff");
        using var browser = portal.CreateBrowser();
        Assert.Equal("/account/login/enrol", (await (await LoginPage.OpenAsync(browser)).SubmitAsync(email, Password)).Headers.Location!.OriginalString);
        var passkey = new SoftwarePasskey();
        var enrolled = await PasskeySteps.UseAsync(browser, await browser.GetPageAsync("/account/login/enrol"), EnrolForm, passkey.Register);
        Assert.Equal("/", enrolled.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/staff/registrations")).StatusCode);
        return (email, passkey);
    }

    private async Task<SoftwarePasskey> CustomerPasskeyAsync()
    {
        var email = $"passkey-other-{Guid.NewGuid():n}@example.com";
        await portal.CreateActiveUserAsync(email, Password, "supplies-buyer");
        using var browser = await portal.SignedInBrowserAsync(email, Password);
        var passkey = new SoftwarePasskey();
        Assert.Equal(HttpStatusCode.Redirect, (await PasskeySteps.AddAsync(browser, passkey)).StatusCode);
        return passkey;
    }

    /// <summary>The options as a tampered browser would read them: any passkey may answer.</summary>
    private static string WithoutAllowedCredentials(string options)
    {
        var json = JsonNode.Parse(options)!.AsObject();
        json.Remove("allowCredentials");
        return json.ToJsonString();
    }
}
