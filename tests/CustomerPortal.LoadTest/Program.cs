using System.Globalization;
using CustomerPortal.LoadTest;

// Load benchmark of the IdP on loopback. Not a test: it measures, it does not judge.
//   dotnet run -c Release --project tests/CustomerPortal.LoadTest --
//     [--seconds 10] [--warmup 5] [--warmup-max 60] [--concurrency 16] [--users 1000] [--postgres "Host=…;Username=…"]
//     [--only jwks,client_credentials] [--no-reference]   (for profiling one scenario against the IdP alone)
//     [--only enumeration --no-reference]   (only the timing of answers for registered and unknown addresses)
//     [--soak [--soak-minutes 10] [--smtp-period-seconds 120] [--warmup 60]]   (the soak instead, judged; exit code 1 when a requirement is missed)
var seconds = Option(args, "--seconds", 10);
var concurrency = Option(args, "--concurrency", 16);
var users = Option(args, "--users", 1000);
var warmUp = TimeSpan.FromSeconds(Option(args, "--warmup", 5));
var warmUpAtMost = TimeSpan.FromSeconds(Math.Max(warmUp.TotalSeconds, Option(args, "--warmup-max", 60)));

if (args.Contains("--soak"))
{
    var soak = await Soak.RunAsync(new SoakSettings(TimeSpan.FromMinutes(Option(args, "--soak-minutes", 10)),
        TimeSpan.FromSeconds(Option(args, "--smtp-period-seconds", 120)), Math.Max(1, concurrency / 4), users,
        TimeSpan.FromSeconds(Option(args, "--warmup", 60))));
    soak.Print();
    Environment.ExitCode = soak.AllMet ? 0 : 1;
    return;
}

var only = Text(args, "--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var withReference = !args.Contains("--no-reference");
IEnumerable<Scenario> Chosen(Target target) => Scenarios.All(target).Where(s => only is null || only.Any(o => s.Name.StartsWith(o, StringComparison.Ordinal)));

var postgres = Text(args, "--postgres");
await using var idp = await IdentityProviderUnderTest.StartAsync(users, postgres);
Console.WriteLine($"IdP started on {idp.BaseAddress} ({(postgres is null ? "SQLite" : "PostgreSQL")}) with {users:N0} generated users " +
    $"({Environment.ProcessorCount} cores, {seconds} s per scenario after a warm-up of {warmUp.TotalSeconds}–{warmUpAtMost.TotalSeconds} s, " +
    $"{concurrency} concurrent clients)");
// Each scenario warms up until the IdP's JIT has gone quiet; the reference then warms up as long.
var ourWarmUp = new WarmUp(warmUp, warmUpAtMost, idp.CompiledMethodsAsync);
// Each scenario runs against the IdP and then against the reference, one after the other, while
// the other server idles: a shared machine's speed drifts over minutes, and a ratio taken from
// two halves of a run minutes apart drifts with it.
await using var reference = withReference ? await ReferenceProvider.StartAsync(IdentityProviderUnderTest.RepositoryRoot()) : null;
var ourScenarios = Chosen(Scenarios.Portal(idp)).ToList();
var theirScenarios = reference is null ? [] : Chosen(Scenarios.Reference(reference, users)).ToList();
var ours = new List<ScenarioResult>();
var theirs = new List<ScenarioResult>();
for (var i = 0; i < ourScenarios.Count; i++)
{
    ours.Add(await LoadRunner.RunAsync(ourScenarios[i], TimeSpan.FromSeconds(seconds), concurrency, ourWarmUp));
    if (i < theirScenarios.Count)
    {
        var asLong = new WarmUp(ours[^1].WarmedUp, ours[^1].WarmedUp);
        theirs.Add(await LoadRunner.RunAsync(theirScenarios[i], TimeSpan.FromSeconds(seconds), concurrency, asLong));
    }
}
var enumeration = new List<EnumerationResult>();
if (only is null || only.Contains("enumeration"))
{
    foreach (var pair in EnumerationTiming.Pairs(idp))
    {
        // Both halves at once, half of the clients each, after the same warm-up: this machine's speed
        // drifts over seconds, and halves measured one after the other drifted 20–35 % apart.
        var together = new WarmUp(warmUp, warmUp);
        var halves = await Task.WhenAll(
            LoadRunner.RunAsync(pair.Existing, TimeSpan.FromSeconds(seconds), Math.Max(1, concurrency / 2), together),
            LoadRunner.RunAsync(pair.Unknown, TimeSpan.FromSeconds(seconds), Math.Max(1, concurrency / 2), together));
        enumeration.Add(new(pair.Name, halves[0], halves[1]));
    }
}
var peakMemory = idp.PeakMemoryMegabytes();
var startToDiscovery = idp.StartToDiscovery;

var passwordHash = PasswordCost.Measure();
var hashesAllCores = PasswordCost.AllCoresPerSecond();
if (ours.Count > 0)
{
    Console.WriteLine();
    Console.WriteLine($"{"scenario",-26} {"req/s",10} {"p50 ms",9} {"p99 ms",9} {"errors",7} | " +
        $"{"oidc-provider req/s",20} {"p50 ms",9} {"p99 ms",9} {"errors",7} | {"ours/theirs",11} | target");
    for (var i = 0; i < ours.Count; i++)
    {
        var mine = ours[i];
        var other = i < theirs.Count ? theirs[i] : null;
        Console.WriteLine($"{mine.Name,-26} {mine.RequestsPerSecond,10:F1} " +
            $"{mine.P50.TotalMilliseconds,9:F1} {mine.P99.TotalMilliseconds,9:F1} {mine.Errors,7} | " +
            (other is null ? "(reference not run)" :
            $"{other.RequestsPerSecond,20:F1} {other.P50.TotalMilliseconds,9:F1} {other.P99.TotalMilliseconds,9:F1} {other.Errors,7} | " +
            $"{mine.RequestsPerSecond / other.RequestsPerSecond,11:F2}") +
            (Targets.Verdict(mine, other, passwordHash) is { } verdict ? $" | {verdict}" : ""));
    }
    Console.WriteLine($"Warm-up before each (until the IdP's JIT compiled fewer than {WarmUp.QuietMethods} methods in {WarmUp.Slice.TotalSeconds} s, " +
        $"the reference as long): {string.Join(", ", ours.Select(r => $"{r.Name} {r.WarmedUp.TotalSeconds:F0} s"))}");
}
if (enumeration.Count > 0)
{
    Console.WriteLine();
    Console.WriteLine($"Answers that must not tell whether an address is registered (medians at most {EnumerationTiming.Tolerance:P0} apart):");
    Console.WriteLine($"{"form",-26} {"registered p50 ms",18} {"unknown p50 ms",15} {"difference",11} {"errors",7}  verdict");
    foreach (var result in enumeration)
    {
        Console.WriteLine($"{result.Name,-26} {result.Existing.P50.TotalMilliseconds,18:F1} {result.Unknown.P50.TotalMilliseconds,15:F1} " +
            $"{result.Difference,11:P1} {result.Existing.Errors + result.Unknown.Errors,7}  " +
            $"{(result.Difference <= EnumerationTiming.Tolerance ? "met" : "MISSED")}");
    }
}
Console.WriteLine();
Console.WriteLine($"IdP peak memory (VmHWM): {peakMemory:F0} MiB ({Targets.Memory(peakMemory)})");
Console.WriteLine($"IdP restart to first discovery answer (seeded database, ReadyToRun): {startToDiscovery.TotalMilliseconds:F0} ms " +
    $"({Targets.Start(startToDiscovery)})");
Console.WriteLine($"One password hash (Identity's PBKDF2, this process): {passwordHash.TotalMilliseconds:F1} ms");
Console.WriteLine($"Password hashes with all {Environment.ProcessorCount} cores hashing at once: {hashesAllCores:F1}/s " +
    $"({hashesAllCores * passwordHash.TotalSeconds / Environment.ProcessorCount:P0} of {Environment.ProcessorCount} × the single hash's rate)" +
    (ours.FirstOrDefault(r => r.Name == Scenarios.SignIn) is { } signIn
        ? $"; sign-in gave {signIn.RequestsPerSecond / hashesAllCores:P0} of that rate"
        : ""));

static int Option(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length
            && int.TryParse(args[index + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
        ? value
        : fallback;
}

static string? Text(string[] args, string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
