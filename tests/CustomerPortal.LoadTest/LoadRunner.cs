using System.Diagnostics;
using System.Net;

namespace CustomerPortal.LoadTest;

/// <summary>
/// One scenario: per client, an optional set-up giving it a state, then requests, each returning
/// whether it succeeded and the state for the next one (a rotated refresh token, say).
/// </summary>
public sealed record Scenario(string Name, Func<HttpClient, Task<object?>> Setup, Func<HttpClient, object?, Task<(bool Ok, object? State)>> Request);

public sealed record ScenarioResult(string Name, double RequestsPerSecond, TimeSpan P50, TimeSpan P99, int Errors, int Requests)
{
    /// <summary>How long the scenario ran untimed before it was measured.</summary>
    public TimeSpan WarmedUp { get; init; }
}

/// <summary>
/// How long a scenario runs untimed: at least <paramref name="AtLeast"/>; then, where the server
/// tells how many methods its JIT compiled so far, until it compiled fewer than
/// <see cref="QuietMethods"/> in one slice, or <paramref name="AtMost"/> has passed.
/// </summary>
public sealed record WarmUp(TimeSpan AtLeast, TimeSpan AtMost, Func<Task<long>>? CompiledMethods = null)
{
    public const int QuietMethods = 50;
    public static readonly WarmUp None = new(TimeSpan.Zero, TimeSpan.Zero);
    public static readonly TimeSpan Slice = TimeSpan.FromSeconds(2);
}

public static class LoadRunner
{
    /// <summary>
    /// Gives each client its state, runs the scenario untimed (<see cref="WarmUp"/>), then measures
    /// it for <paramref name="duration"/>, each client going on from the state the warm-up left it.
    /// </summary>
    public static async Task<ScenarioResult> RunAsync(Scenario scenario, TimeSpan duration, int concurrency, WarmUp warmUp)
    {
        var clients = Enumerable.Range(0, concurrency).Select(_ => NewClient()).ToArray();
        var states = await Task.WhenAll(clients.Select(scenario.Setup));
        try
        {
            var warmedUp = await WarmUpAsync(scenario, clients, states, warmUp);
            return await DriveAsync(scenario, clients, states, duration) with { WarmedUp = warmedUp };
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>
    /// A .NET server tiers up every method it calls often: for the sign-in's pages that is about
    /// 12,000 methods, which its one background JIT thread compiles for 30 s or more on two cores.
    /// Measured during that time, a scenario gives the cost of the start, not of the requests.
    /// </summary>
    private static async Task<TimeSpan> WarmUpAsync(Scenario scenario, HttpClient[] clients, object?[] states, WarmUp warmUp)
    {
        Task<long> CompiledAsync() => warmUp.CompiledMethods?.Invoke() ?? Task.FromResult(0L);
        var watch = Stopwatch.StartNew();
        var compiled = await CompiledAsync();
        while (watch.Elapsed < warmUp.AtMost)
        {
            await DriveAsync(scenario, clients, states, WarmUp.Slice);
            var before = compiled;
            compiled = await CompiledAsync();
            if (watch.Elapsed >= warmUp.AtLeast && compiled - before < WarmUp.QuietMethods)
            {
                break;
            }
        }
        return watch.Elapsed;
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

    /// <summary>
    /// A caller that is not a browser (a relying app's server exchanging codes, the benchmark reading
    /// /metrics): it carries no cookie of the provider's, which a browser sends to every path of its origin.
    /// </summary>
    public static HttpClient BackChannel { get; } = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    public static HttpClient NewClient() =>
        new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };

    private static TimeSpan Percentile(List<TimeSpan> sorted, double p) =>
        sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
