using System.Net;
using AngleSharp.Dom;
using CustomerPortal.Testing;

namespace CustomerPortal.Testing;

/// <summary>One user's browser across the IdP and the two apps.</summary>
public sealed class AppSession : IDisposable
{
    private readonly CookieContainer _cookies = new();
    private readonly HttpClient _noRedirects;

    private AppSession()
    {
        Browser = new Browser(new HttpClient(new BrowserHandler(_cookies, followRedirects: true)));
        _noRedirects = new HttpClient(new BrowserHandler(_cookies, followRedirects: false));
    }

    public Browser Browser { get; }

    public static AppSession New() => new();

    /// <summary>One request without following redirects: where the app sends the browser, if anywhere.</summary>
    public async Task<(HttpStatusCode Status, Uri? Location)> PeekAsync(Uri page)
    {
        using var response = await _noRedirects.GetAsync(page);
        return (response.StatusCode, response.Headers.Location);
    }

    /// <summary>Opens an app page; the app sends the browser to the IdP, whose sign-in form is filled in; the app page comes back.</summary>
    public async Task<IDocument> SignInAsync(Uri page, string email, string password)
    {
        var response = await Browser.GetAsync(page.ToString());
        var login = await LoginPage.FromAsync(Browser, response);
        var back = await login.SubmitAsync(email, password);
        var document = await Browser.ParseAsync(back);
        Assert.True(IsAt(document, page), $"Expected to be back at {page}, was at {document.Url}");
        return document;
    }

    public async Task<(HttpStatusCode Status, IDocument Page)> OpenAsync(Uri page)
    {
        var response = await Browser.GetAsync(page.ToString());
        return (response.StatusCode, await Browser.ParseAsync(response));
    }

    public async Task<(HttpStatusCode Status, IDocument Page)> SubmitAsync(IDocument page, string formSelector, Dictionary<string, string>? values = null)
    {
        var response = await Browser.SubmitAsync(page, formSelector, values);
        return (response.StatusCode, await Browser.ParseAsync(response));
    }

    /// <summary>True when the page shown is the IdP's sign-in form.</summary>
    public static bool IsSignInForm(IDocument page) => page.QuerySelector("input[name='Input.Password']") is not null;

    public static bool IsAt(IDocument page, Uri expected) =>
        new Uri(page.Url).GetLeftPart(UriPartial.Path).Equals(expected.GetLeftPart(UriPartial.Path), StringComparison.OrdinalIgnoreCase);

    public static string Heading(IDocument page) => page.QuerySelector("h1")?.TextContent.Trim() ?? "";

    public void Dispose()
    {
        Browser.Dispose();
        _noRedirects.Dispose();
    }
}
