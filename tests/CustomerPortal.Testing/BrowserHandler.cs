using System.Net;

namespace CustomerPortal.Testing;

/// <summary>
/// Keeps cookies and follows redirects as a browser does: the cookies of one response are taken
/// together. HttpClientHandler stores them one Set-Cookie at a time, so two responses arriving
/// at once (say, requests that shared one token refresh and all answer when it is done) can leave
/// the jar with the chunks of one app cookie from different responses, which no app can read;
/// a browser never ends up that way.
/// </summary>
public sealed class BrowserHandler(CookieContainer cookies, bool followRedirects)
    : DelegatingHandler(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
{
    private const int MaxRedirects = 20;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var hop = 0; ; hop++)
        {
            lock (cookies)
            {
                var header = cookies.GetCookieHeader(request.RequestUri!);
                request.Headers.Remove("Cookie");
                if (header.Length > 0)
                {
                    request.Headers.Add("Cookie", header);
                }
            }
            var response = await base.SendAsync(request, cancellationToken);
            Store(request.RequestUri!, response);
            if (!followRedirects || hop >= MaxRedirects
                || response.StatusCode is not (HttpStatusCode.Moved or HttpStatusCode.Found or HttpStatusCode.SeeOther)
                || response.Headers.Location is not { } location)
            {
                return response;
            }
            // 301, 302 and 303 continue as a GET, as browsers do.
            var next = new HttpRequestMessage(HttpMethod.Get, new Uri(request.RequestUri!, location));
            response.Dispose();
            request = next;
        }
    }

    private void Store(Uri from, HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            return;
        }
        lock (cookies)
        {
            foreach (var value in values)
            {
                try
                {
                    cookies.SetCookies(from, value);
                }
                catch (CookieException)
                {
                    // A browser ignores a cookie it cannot take; so does this one.
                }
            }
        }
    }
}
