namespace CustomerPortal.LoadTest;

/// <summary>
/// What the token endpoint is held to, against the reference run on the same cores in the same
/// run: met or missed, printed beside each figure so that a run reads without the README.
/// </summary>
public static class Targets
{
    public const double TokenRatio = 1.2;
    public static readonly TimeSpan TokenP99 = TimeSpan.FromMilliseconds(25);
    public const double MetadataRatio = 3;
    public const double SignInShare = 0.85;
    public const double PeakMemoryMegabytes = 200;
    public static readonly TimeSpan StartToDiscovery = TimeSpan.FromSeconds(2);

    /// <summary>The verdict of one scenario; null when there is no target or nothing to compare with.</summary>
    public static string? Verdict(ScenarioResult ours, ScenarioResult? theirs, TimeSpan passwordHash) => ours.Name switch
    {
        "discovery" or "jwks" when theirs is not null =>
            Say(Ratio(ours, theirs) >= MetadataRatio, $"≥ {MetadataRatio}×"),
        "client_credentials" or Scenarios.Refresh when theirs is not null =>
            Say(Ratio(ours, theirs) >= TokenRatio && ours.P99 <= TokenP99 && ours.Errors == 0,
                $"≥ {TokenRatio}×, p99 ≤ {TokenP99.TotalMilliseconds} ms, 0 errors"),
        Scenarios.SignIn => Say(ours.RequestsPerSecond >= SignInBound(passwordHash) && ours.Errors == 0,
            $"≥ {SignInBound(passwordHash):F1}/s ({SignInShare} × {Environment.ProcessorCount} cores ÷ {passwordHash.TotalMilliseconds:F0} ms hash)"),
        _ => null,
    };

    /// <summary>Sign-ins a second if the password hash were all the work and the cores did nothing else.</summary>
    public static double SignInBound(TimeSpan passwordHash) => SignInShare * Environment.ProcessorCount / passwordHash.TotalSeconds;

    public static string Memory(double peakMegabytes) => Say(peakMegabytes <= PeakMemoryMegabytes, $"≤ {PeakMemoryMegabytes} MiB");

    public static string Start(TimeSpan startToDiscovery) => Say(startToDiscovery <= StartToDiscovery, $"≤ {StartToDiscovery.TotalSeconds} s");

    private static double Ratio(ScenarioResult ours, ScenarioResult theirs) => ours.RequestsPerSecond / theirs.RequestsPerSecond;

    private static string Say(bool met, string target) => $"{target}: {(met ? "met" : "MISSED")}";
}
