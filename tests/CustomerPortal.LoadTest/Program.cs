using System.Globalization;
using CustomerPortal.LoadTest;

// Load benchmark of the IdP on loopback. Not a test: it measures, it does not judge.
//   dotnet run -c Release --project tests/CustomerPortal.LoadTest -- [--seconds 10] [--concurrency 16] [--users 1000] [--postgres "Host=…;Username=…"]
var seconds = Option(args, "--seconds", 10);
var concurrency = Option(args, "--concurrency", 16);
var users = Option(args, "--users", 1000);

var postgresIndex = Array.IndexOf(args, "--postgres");
var postgres = postgresIndex >= 0 && postgresIndex + 1 < args.Length ? args[postgresIndex + 1] : null;
await using var idp = await IdentityProviderUnderTest.StartAsync(users, postgres);
Console.WriteLine($"IdP started on {idp.BaseAddress} ({(postgres is null ? "SQLite" : "PostgreSQL")}) with {users:N0} generated users ({Environment.ProcessorCount} cores, {seconds} s per scenario, {concurrency} concurrent clients)");
var ours = new List<ScenarioResult>();
foreach (var scenario in Scenarios.All(Scenarios.Portal(idp)))
{
    ours.Add(await LoadRunner.RunAsync(scenario, TimeSpan.FromSeconds(seconds), concurrency));
}
var peakMemory = idp.PeakMemoryMegabytes();
await idp.DisposeAsync(); // the reference runs alone on the same cores

await using var reference = await ReferenceProvider.StartAsync(IdentityProviderUnderTest.RepositoryRoot());
var theirs = new List<ScenarioResult>();
foreach (var scenario in Scenarios.All(Scenarios.Reference(reference, users)))
{
    theirs.Add(await LoadRunner.RunAsync(scenario, TimeSpan.FromSeconds(seconds), concurrency));
}

Console.WriteLine();
Console.WriteLine($"{"scenario",-26} {"req/s",10} {"p50 ms",9} {"p99 ms",9} {"errors",7} | {"oidc-provider req/s",20} {"p50 ms",9} {"p99 ms",9} {"errors",7} | {"ours/theirs",11}");
foreach (var (mine, other) in ours.Zip(theirs))
{
    Console.WriteLine($"{mine.Name,-26} {mine.RequestsPerSecond,10:F1} {mine.P50.TotalMilliseconds,9:F1} {mine.P99.TotalMilliseconds,9:F1} {mine.Errors,7} | " +
        $"{other.RequestsPerSecond,20:F1} {other.P50.TotalMilliseconds,9:F1} {other.P99.TotalMilliseconds,9:F1} {other.Errors,7} | {mine.RequestsPerSecond / other.RequestsPerSecond,11:F2}");
}
Console.WriteLine();
Console.WriteLine($"IdP peak memory (VmHWM): {peakMemory:F0} MiB");
Console.WriteLine($"One password hash (Identity's PBKDF2, this process): {PasswordCost.Measure().TotalMilliseconds:F1} ms");

static int Option(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
