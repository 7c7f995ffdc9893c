using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace CustomerPortal.Testing;

/// <summary>Page object of /account/login.</summary>
public sealed class LoginPage(Browser browser, IDocument document)
{
    public IDocument Document { get; } = document;

    public string Language => Document.DocumentElement.GetAttribute("lang") ?? "";
    public string EmailValue => Document.QuerySelector<IHtmlInputElement>("#email")!.Value;
    public string? Alert => Document.QuerySelector("[role=alert]")?.TextContent.Trim();
    public string? EmailError => Document.QuerySelector("#email-error")?.TextContent.Trim();

    public static async Task<LoginPage> OpenAsync(Browser browser, string url = "/account/login") =>
        new(browser, await browser.GetPageAsync(url));

    public static async Task<LoginPage> FromAsync(Browser browser, HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var document = await browser.ParseAsync(response);
        Assert.NotNull(document.QuerySelector("input[name='Input.Password']"));
        return new(browser, document);
    }

    public Task<HttpResponseMessage> SubmitAsync(string email, string password) =>
        browser.SubmitAsync(Document, "section.sign-in form[method=post]", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
}
