namespace CustomerPortal.Identity.FunctionalTests.Connect;

/// <summary>
/// Right after a start, before any request but the scrape, /metrics already shows every gauge and
/// counter the README's alert rules use, at zero: an alert on stuck mail or on a lockout spike
/// has a series to watch from the first second.
/// </summary>
public sealed class MetricsAtStartTests : IAsyncLifetime
{
    private const string Token = "metrics-at-start-token";
    private readonly PortalFactory _portal = new();

    public Task InitializeAsync()
    {
        _portal.Settings["Metrics:BearerToken"] = Token;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task FirstScrape_ShowsEveryPortalSeries_AtZero()
    {
        using var browser = _portal.CreateBrowser();
        using var scrape = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new("Bearer", Token) } };
        var metrics = await (await browser.Http.SendAsync(scrape)).EnsureSuccessStatusCode().Content.ReadAsStringAsync();

        var lines = metrics.Split('\n');
        foreach (var (name, label) in new[]
        {
            ("portal_outbox_depth", "status=\"pending\""),
            ("portal_outbox_depth", "status=\"uncertain\""),
            ("portal_outbox_depth", "status=\"failed\""),
            ("portal_outbox_oldest_pending_seconds", ""),
            ("portal_lockouts_total", "cause=\"failed_sign_ins\""),
            ("portal_lockouts_total", "cause=\"current_password\""),
            ("portal_lockouts_total", "cause=\"staff\""),
            ("portal_sign_ins_total", "result=\"failure\""),
            ("portal_tokens_issued_total", "grant_type=\"refresh_token\""),
            ("portal_registrations_total", "status=\"received\""),
        })
        {
            var line = lines.FirstOrDefault(line =>
                (line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
                && line.Contains(label, StringComparison.Ordinal));
            Assert.True(line is not null, $"no {name}{{{label}}} in:\n{metrics}");
            Assert.Equal(0, double.Parse(line.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture));
        }

        // The runtime's own series, for an operator watching the heap, the JIT and the thread pool
        // (and for the benchmark, which warms up until the JIT is quiet): a started process has
        // compiled code, allocated and holds memory already.
        string[] runtimeSeries = ["dotnet_jit_compiled_methods_total", "dotnet_gc_heap_total_allocated_bytes_total", "dotnet_process_memory_working_set_bytes"];
        foreach (var name in runtimeSeries)
        {
            var line = lines.FirstOrDefault(line =>
                line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal));
            Assert.True(line is not null, $"no {name} in:\n{metrics}");
            Assert.True(double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture) > 0, line);
        }

        // The README's 5xx alert reads the request counts by status code under this name and label.
        // Wait for that line itself, not for any count line: a scrape once showed counts of other status codes first.
        var counted = await Eventually.GetAsync(async () =>
        {
            using var again = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new("Bearer", Token) } };
            var text = await (await browser.Http.SendAsync(again)).EnsureSuccessStatusCode().Content.ReadAsStringAsync();
            return text.Split('\n').FirstOrDefault(line => line.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal)
                && line.Contains("http_response_status_code=\"200\"", StringComparison.Ordinal));
        }, "a scrape that counts the first scrape's request (status 200)");
        Assert.True(double.Parse(counted.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) >= 1);
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();
}
