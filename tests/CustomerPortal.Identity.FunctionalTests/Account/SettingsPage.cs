using AngleSharp.Dom;
using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Account;

/// <summary>Page object of /account/settings: each section opens with its pencil and posts its own form.</summary>
public sealed class SettingsPage(Browser browser, IDocument document)
{
    public IDocument Document { get; } = document;

    public static async Task<SettingsPage> OpenAsync(Browser browser, string? edit = null) =>
        new(browser, await browser.GetPageAsync("/account/settings" + (edit is null ? "" : $"?edit={edit}")));

    public string? Saved => Document.QuerySelector("[role=status]")?.TextContent.Trim();
    public string SectionText(string id) => Document.QuerySelector($"#{id}")!.TextContent;
    public string? ErrorFor(string field) => Document.QuerySelector($"#{field}-error")?.TextContent.Trim();

    /// <summary>Follows the section's pencil, then submits its form with <paramref name="values"/>.</summary>
    public async Task<SettingsPage> EditAsync(string section, string formSelector, Dictionary<string, string> values)
    {
        var pencil = Document.QuerySelector($"#{section} a.edit-link") ?? throw new InvalidOperationException($"No pencil in #{section}.");
        var form = await browser.GetPageAsync(pencil.GetAttribute("href")!);
        var response = await browser.FollowAsync(await browser.SubmitAsync(form, formSelector, values));
        return new SettingsPage(browser, await browser.ParseAsync(response));
    }

    public static Task<Browser> SignedInAsync(PortalFactory portal, string email, string password) => portal.SignedInBrowserAsync(email, password);
}
