namespace CustomerPortal.Testing;

/// <summary>
/// Waits for what another thread or process does on its own schedule (a worker's delivery, an app
/// following the IdP, a scrape the exporter caches): asks again until it holds or the time is up.
/// Not for the passing of time itself; tests of expiry move a <c>FakeTimeProvider</c> instead.
/// The generous limit only bounds a failing test; a passing one returns as soon as it holds.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    /// <summary>The first non-null answer of <paramref name="probe"/>.</summary>
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, string what) where T : class
    {
        var deadline = DateTime.UtcNow + Limit;
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still waiting after {Limit.TotalSeconds} s: {what}.");
            }
            await Task.Delay(Pause);
        }
    }

    /// <summary>Returns once <paramref name="condition"/> holds; fails the test with <paramref name="what"/> if it never does.</summary>
    public static Task TrueAsync(Func<Task<bool>> condition, string what) =>
        GetAsync<object>(async () => await condition() ? what : null, what);
}
