namespace CustomerPortal.Testing;

/// <summary>
/// Waits for what another thread or process does on its own schedule (a worker's delivery, an app
/// following the IdP, a server coming up): asks again until it holds or the limit is up. Not for
/// the passing of time itself; tests of expiry move a <c>FakeTimeProvider</c> instead. The only
/// pause of the test code is here, between two asks; the limit only bounds a failing test, and a
/// passing one returns as soon as the condition holds.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    /// <summary>The first non-null answer of <paramref name="probe"/>; <paramref name="what"/> names it when it never comes.</summary>
    public static async Task<T> GetAsync<T>(
        Func<Task<T?>> probe, string what, TimeSpan? limit = null, CancellationToken cancellationToken = default) where T : class
    {
        var deadline = DateTime.UtcNow + (limit ?? DefaultLimit);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Still waiting after {(limit ?? DefaultLimit).TotalSeconds} s: {what}.");
            }
            await Task.Delay(Pause, cancellationToken);
        }
    }

    /// <summary>Returns once <paramref name="condition"/> holds; fails the test with <paramref name="what"/> if it never does.</summary>
    public static Task TrueAsync(
        Func<Task<bool>> condition, string what, TimeSpan? limit = null, CancellationToken cancellationToken = default) =>
        GetAsync<object>(async () => await condition() ? what : null, what, limit, cancellationToken);
}
