using System.Net;
using System.Net.Http.Headers;
using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Security;

/// <summary>
/// /metrics answers the scraper only: a peer in Metrics:AllowedNetworks (loopback unless set) or a
/// request with the configured bearer token. Health stays open to everyone. Over real HTTP on
/// loopback, so the peer is 127.0.0.1.
/// </summary>
public sealed class MetricsAccessTests : IAsyncLifetime
{
    private const string Token = "scraper-token-9f2c";
    private readonly PortalFactory _portal = new();

    [Fact]
    public async Task FromLoopback_MetricsAnswer()
    {
        _portal.StartOnLoopback();

        var response = await ScrapeAsync(authorization: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("# TYPE", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FromOutsideTheAllowedNetworks_MetricsAreRefused_AndHealthStaysOpen()
    {
        _portal.Settings["Metrics:AllowedNetworks"] = "10.0.0.0/8";
        _portal.StartOnLoopback();
        using var browser = _portal.CreateBrowser();
        await browser.GetAsync("/account/login"); // something to count

        var response = await ScrapeAsync(authorization: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("# TYPE", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task WithABearerToken_OnlyTheRightTokenGetsMetrics()
    {
        _portal.Settings["Metrics:AllowedNetworks"] = "10.0.0.0/8";
        _portal.Settings["Metrics:BearerToken"] = Token;
        _portal.StartOnLoopback();

        var right = await ScrapeAsync(new("Bearer", Token));
        var wrong = await ScrapeAsync(new("Bearer", Token + "x"));
        var none = await ScrapeAsync(authorization: null);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("# TYPE", await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.DoesNotContain("# TYPE", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, none.StatusCode);
    }

    private async Task<HttpResponseMessage> ScrapeAsync(AuthenticationHeaderValue? authorization)
    {
        using var browser = _portal.CreateBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = authorization } };
        var response = await browser.Http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();
}
