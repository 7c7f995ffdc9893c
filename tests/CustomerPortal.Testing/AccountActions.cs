using System.Net;
using AngleSharp.Dom;

namespace CustomerPortal.Testing;

/// <summary>What users and staff do through the real pages, shared by the stories that need it.</summary>
public static class AccountActions
{
    /// <summary>"Forgot your password?" for <paramref name="email"/>; returns the answer the page shows.</summary>
    public static async Task<string> RequestResetLinkAsync(this Browser browser, string email)
    {
        var page = await browser.GetPageAsync("/account/forgot-password");
        var response = await browser.SubmitAsync(page, "section form[method=post]", new Dictionary<string, string> { ["Email"] = email });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await browser.ParseAsync(response)).QuerySelector("[role=status]")!.TextContent;
    }

    /// <summary>Change password with the current one (/account/password); returns the page that answers.</summary>
    public static async Task<IDocument> ChangePasswordAsync(this Browser browser, string current, string newPassword)
    {
        var page = await browser.GetPageAsync("/account/password");
        return await browser.ParseAsync(await browser.SubmitAsync(page, "section.change-with-current form", new Dictionary<string, string>
        {
            ["CurrentPassword"] = current, ["Password"] = newPassword, ["ConfirmPassword"] = newPassword,
        }));
    }

    /// <summary>"Sign out every other browser" on the sessions and apps page.</summary>
    public static async Task SignOutOtherBrowsersAsync(this Browser browser) =>
        await browser.SubmitAsync(await browser.GetPageAsync("/account/apps"), "form.end-other-sessions");

    /// <summary>Staff open the user's page from the search and press one of its buttons (form.lock, form.end-sessions...).</summary>
    public static async Task<IDocument> StaffActOnAsync(this Browser staff, string email, string formSelector)
    {
        var results = await staff.GetPageAsync("/staff/users?q=" + Uri.EscapeDataString(email));
        var detail = await staff.GetPageAsync(results.QuerySelector("table.users a")!.GetAttribute("href")!);
        return await staff.ParseAsync(await staff.FollowAsync(await staff.SubmitAsync(detail, formSelector)));
    }
}
