namespace CustomerPortal.Identity.Account.SignIn;

/// <summary>Settings of the known browsers (section <c>Security:KnownBrowsers</c>).</summary>
public sealed class KnownBrowserOptions
{
    public const string Section = "Security:KnownBrowsers";

    /// <summary>How long a browser stays known after its last sign-in (and how long its cookie lives).</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(180);

    /// <summary>Wrong passwords a known browser may type before it has to wait.</summary>
    public int FreeAttempts { get; set; } = 5;

    /// <summary>The first wait; each further wrong password doubles it, up to <see cref="MaxWait"/>.</summary>
    public TimeSpan FirstWait { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a known browser waits after its <paramref name="failures"/>-th wrong password in a
    /// row: nothing within the free attempts, then progressively longer (1, 2, 4, 8, 15 minutes by
    /// default), so a typing slip costs a minute while guessing slows to a crawl.
    /// </summary>
    public TimeSpan WaitAfter(int failures)
    {
        if (failures < FreeAttempts)
        {
            return TimeSpan.Zero;
        }
        var doublings = Math.Min(failures - FreeAttempts, 30);
        var wait = FirstWait * Math.Pow(2, doublings);
        return wait < MaxWait ? wait : MaxWait;
    }
}
