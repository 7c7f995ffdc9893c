using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace CustomerPortal.Testing;

/// <summary>
/// A cookie-keeping HTTP client that reads real HTML and submits real forms (hidden fields and
/// antiforgery token included), the way a browser without JavaScript would.
/// </summary>
public sealed class Browser(HttpClient client) : IDisposable
{
    public HttpClient Http { get; } = client;

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    public async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html).Address(response.RequestMessage!.RequestUri!));
    }

    public async Task<IDocument> GetPageAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        return await ParseAsync(response);
    }

    /// <summary>
    /// Posts a form as displayed (checked boxes only, selected options, text areas), with
    /// <paramref name="values"/> typed over its fields; a value with line breaks gives several values.
    /// </summary>
    public Task<HttpResponseMessage> SubmitAsync(
        IDocument page, string formSelector, IReadOnlyDictionary<string, string>? values = null, string? submitButtonSelector = null)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            if (input.Type is "submit" or "button" || (input.Type is "checkbox" or "radio" && !input.IsChecked))
            {
                continue;
            }
            fields.Add(new(input.Name!, input.Value));
        }
        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]"))
        {
            fields.Add(new(select.Name!, select.Value ?? ""));
        }
        foreach (var textArea in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]"))
        {
            fields.Add(new(textArea.Name!, textArea.Value));
        }
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(field => field.Key == name);
            fields.AddRange(value.Split('\n').Where(v => v.Length > 0 || !value.Contains('\n')).Select(v => new KeyValuePair<string, string>(name, v)));
        }

        var action = form.GetAttribute("action") is { Length: > 0 } declared ? declared : new Uri(page.Url).PathAndQuery;
        if (submitButtonSelector is not null)
        {
            var button = form.QuerySelector(submitButtonSelector) ?? throw new InvalidOperationException($"No button '{submitButtonSelector}'.");
            action = button.GetAttribute("formaction") ?? action;
        }
        return Http.PostAsync(new Uri(new Uri(page.Url), action), new FormUrlEncodedContent(fields));
    }

    /// <summary>Follows redirects inside the IdP; stops at the first one leaving it (to a client) or at a page.</summary>
    public async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response)
    {
        for (var hops = 0; hops < 10 && IsRedirect(response) && IsLocal(response.Headers.Location!); hops++)
        {
            response = await Http.GetAsync(Resolve(response));
        }
        return response;
    }

    public static bool IsRedirect(HttpResponseMessage response) => (int)response.StatusCode is >= 300 and < 400;

    public Uri Resolve(HttpResponseMessage response) => new(Http.BaseAddress!, response.Headers.Location!);

    private bool IsLocal(Uri location) => !location.IsAbsoluteUri || location.Authority == Http.BaseAddress!.Authority;

    public void Dispose() => Http.Dispose();
}
