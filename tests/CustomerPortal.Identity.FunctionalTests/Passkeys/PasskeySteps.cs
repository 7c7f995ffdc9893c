using System.Net;
using AngleSharp.Dom;
using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Passkeys;

/// <summary>
/// What passkeys.js does in a browser, done over HTTP: fetch the options the page's passkey button
/// names (with the form's antiforgery token), let the authenticator answer them, and post the form
/// with the answer.
/// </summary>
internal static class PasskeySteps
{
    public const string SettingsPage = "/account/passkeys";
    public const string SignInForm = "form.passkey-sign-in";

    public static async Task<string> OptionsAsync(Browser browser, IDocument page, string formSelector)
    {
        var form = page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}.");
        var url = form.QuerySelector("[data-passkey]")!.GetAttribute("data-passkey-options")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await browser.Http.PostAsync(new Uri(new Uri(page.Url), url),
            new FormUrlEncodedContent([new KeyValuePair<string, string>("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The page's passkey form, its options answered by <paramref name="answer"/> and posted.</summary>
    public static async Task<HttpResponseMessage> UseAsync(
        Browser browser, IDocument page, string formSelector, Func<string, string> answer, string field = "PasskeyAnswer",
        Dictionary<string, string>? more = null)
    {
        var response = answer(await OptionsAsync(browser, page, formSelector));
        var values = new Dictionary<string, string>(more ?? []) { [field] = response };
        return await browser.SubmitAsync(page, formSelector, values);
    }

    /// <summary>Adds <paramref name="passkey"/> to the signed-in account from its passkey list.</summary>
    public static async Task<HttpResponseMessage> AddAsync(Browser browser, SoftwarePasskey passkey, string? name = null)
    {
        var page = await browser.GetPageAsync(SettingsPage);
        return await UseAsync(browser, page, "section.add-passkey form.passkey-form", passkey.Register,
            more: name is null ? null : new() { ["PasskeyName"] = name });
    }

    /// <summary>"Sign in with a passkey" on the sign-in page; returns where it leads (or the page again).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(Browser browser, SoftwarePasskey passkey, string loginUrl = "/account/login") =>
        await UseAsync(browser, await browser.GetPageAsync(loginUrl), SignInForm, passkey.Assert);

    public static async Task<string> AlertAsync(Browser browser, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await browser.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent;
    }
}
