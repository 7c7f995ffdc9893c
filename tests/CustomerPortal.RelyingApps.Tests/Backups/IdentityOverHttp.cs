using System.Net;

namespace CustomerPortal.RelyingApps.Tests.Backups;

/// <summary>What customers and staff do at an IdP process, through its pages, for the backup tests.</summary>
internal static class IdentityOverHttp
{
    public static Browser BrowserFor(PortalProcess idp) =>
        new(new HttpClient(new BrowserHandler(new CookieContainer(), followRedirects: false)) { BaseAddress = idp.BaseAddress });

    /// <summary>Signs up with the family name <paramref name="familyName"/> (approval is off in these runs).</summary>
    public static async Task RegisterAsync(PortalProcess idp, string email, string familyName)
    {
        using var browser = BrowserFor(idp);
        var page = await RegistrationPage.OpenAsync(browser);
        var input = RegistrationPage.ValidInput(email);
        input["Input.FamilyName"] = familyName;
        Assert.Equal(HttpStatusCode.Redirect, (await page.SubmitAsync(input)).StatusCode);
    }

    /// <summary>Follows the verification and password mails (mails 2 and 3) and sets <paramref name="password"/>.</summary>
    public static async Task ActivateAsync(PortalProcess idp, SmtpServer smtp, string email, string password)
    {
        using var browser = BrowserFor(idp);
        var verify = await browser.GetPageAsync(MailLinks.Find((await smtp.WaitForAsync(email, 2))[1], "/account/verify-email"));
        Assert.Equal(HttpStatusCode.OK, (await browser.SubmitAsync(verify, "form[method=post]")).StatusCode);
        var setPassword = await browser.GetPageAsync(MailLinks.Find((await smtp.WaitForAsync(email, 3))[2], "/account/set-password"));
        var done = await browser.SubmitAsync(setPassword, "form[method=post]", new Dictionary<string, string>
        {
            ["Password"] = password, ["ConfirmPassword"] = password,
        });
        Assert.NotNull((await browser.ParseAsync(done)).QuerySelector(".alert-success"));
    }

    /// <summary>Signs in at the sign-in page; returns the text of the page the user lands on.</summary>
    public static async Task<string> SignInAsync(PortalProcess idp, string email, string password)
    {
        using var browser = BrowserFor(idp);
        var response = await (await LoginPage.OpenAsync(browser)).SubmitAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (await browser.ParseAsync(await browser.FollowAsync(response))).Body!.TextContent;
    }

    /// <summary>Whether staff find an account with this address in the staff console's user search.</summary>
    public static async Task<bool> StaffFindAsync(PortalProcess idp, string email)
    {
        using var staff = BrowserFor(idp);
        Assert.Equal(HttpStatusCode.Redirect, (await (await LoginPage.OpenAsync(staff)).SubmitAsync(Accounts.Staff.Email, Accounts.Staff.Password)).StatusCode);
        var results = await staff.GetPageAsync("/staff/users?q=" + Uri.EscapeDataString(email));
        return results.QuerySelectorAll("table.users a").Any(a => a.TextContent.Trim().Equals(email, StringComparison.OrdinalIgnoreCase));
    }
}
