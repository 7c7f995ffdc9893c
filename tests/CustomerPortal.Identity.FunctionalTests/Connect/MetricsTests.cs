using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Connect;

/// <summary>/metrics in Prometheus format counts what operators watch.</summary>
public sealed class MetricsTests(MetricsTests.ScrapedPortal portal) : IClassFixture<MetricsTests.ScrapedPortal>
{
    /// <summary>The in-memory server knows no peer address, so the scraper shows the bearer token.</summary>
    public sealed class ScrapedPortal : PortalFactory
    {
        public const string Token = "metrics-test-token";

        public ScrapedPortal() => Settings["Metrics:BearerToken"] = Token;
    }

    [Fact]
    public async Task Metrics_CountSignInsTokensAndRequestLatency()
    {
        using var browser = portal.CreateBrowser();
        var client = OAuthClient.Web(browser);
        var tokens = await client.SignInAsync(Accounts.Buyer);
        await client.RefreshAsync(tokens.RefreshToken!);
        var login = await LoginPage.OpenAsync(browser);
        await login.SubmitAsync("nobody-metrics@example.com", "Wrong-Pass-1");

        // The exporter serves a cached scrape for a moment.
        var metrics = await Eventually.GetAsync(async () =>
        {
            using var scrape = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new("Bearer", ScrapedPortal.Token) } };
            var text = await (await browser.Http.SendAsync(scrape)).EnsureSuccessStatusCode().Content.ReadAsStringAsync();
            return text.Contains("result=\"failure\"") ? text : null;
        }, "a scrape that counts the failed sign-in");

        var lines = metrics.Split('\n');
        bool Has(string name, string label) =>
            lines.Any(line => line.StartsWith(name + "{", StringComparison.Ordinal) && line.Contains(label, StringComparison.Ordinal));
        Assert.True(Has("portal_sign_ins_total", "result=\"success\""), metrics);
        Assert.True(Has("portal_sign_ins_total", "result=\"failure\""));
        Assert.True(Has("portal_tokens_issued_total", "grant_type=\"authorization_code\""));
        Assert.True(Has("portal_tokens_issued_total", "grant_type=\"refresh_token\""));
        Assert.True(Has("portal_outbox_depth", "status=\"pending\""));
        Assert.True(Has("http_server_request_duration_seconds_bucket", "connect/token"));
        Assert.DoesNotContain(tokens.RefreshToken!, metrics);
    }
}
