using System.Diagnostics;
using System.Net;

namespace CustomerPortal.LoadTest;

/// <summary>
/// One scenario: per client, an optional set-up giving it a state, then requests, each returning
/// whether it succeeded and the state for the next one (a rotated refresh token, say).
/// </summary>
public sealed record Scenario(string Name, Func<HttpClient, Task<object?>> Setup, Func<HttpClient, object?, Task<(bool Ok, object? State)>> Request);

public sealed record ScenarioResult(string Name, double RequestsPerSecond, TimeSpan P50, TimeSpan P99, int Errors, int Requests);

public static class LoadRunner
{
    /// <summary>
    /// Gives each client its state, runs the scenario untimed for <paramref name="warmUp"/> (the
    /// JIT of either runtime tiers up hot code in its first seconds), then measures it for
    /// <paramref name="duration"/>, each client going on from the state the warm-up left it.
    /// </summary>
    public static async Task<ScenarioResult> RunAsync(Scenario scenario, TimeSpan duration, int concurrency, TimeSpan warmUp)
    {
        var clients = Enumerable.Range(0, concurrency).Select(_ => NewClient()).ToArray();
        var states = await Task.WhenAll(clients.Select(scenario.Setup));
        try
        {
            if (warmUp > TimeSpan.Zero)
            {
                await DriveAsync(scenario, clients, states, warmUp);
            }
            return await DriveAsync(scenario, clients, states, duration);
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    private static async Task<ScenarioResult> DriveAsync(Scenario scenario, HttpClient[] clients, object?[] states, TimeSpan duration)
    {
        var concurrency = clients.Length;
        var latencies = new List<TimeSpan>[concurrency];
        var errors = new int[concurrency];
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var watch = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            latencies[worker] = [];
            var state = states[worker];
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    (ok, state) = await scenario.Request(clients[worker], state);
                }
                catch (Exception error) when (error is HttpRequestException or TaskCanceledException or InvalidOperationException)
                {
                    ok = false;
                }
                latencies[worker].Add(Stopwatch.GetElapsedTime(started));
                errors[worker] += ok ? 0 : 1;
            }
            states[worker] = state;
        }));

        watch.Stop();
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new ScenarioResult(scenario.Name, all.Count / watch.Elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99), errors.Sum(),
            all.Count);
    }

    public static HttpClient NewClient() =>
        new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };

    private static TimeSpan Percentile(List<TimeSpan> sorted, double p) =>
        sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
