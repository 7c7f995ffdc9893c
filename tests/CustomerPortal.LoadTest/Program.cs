using System.Globalization;
using CustomerPortal.LoadTest;

// Load benchmark of the IdP on loopback. Not a test: it measures, it does not judge.
//   dotnet run -c Release --project tests/CustomerPortal.LoadTest -- [--seconds 10] [--concurrency 16] [--users 1000]
var seconds = Option(args, "--seconds", 10);
var concurrency = Option(args, "--concurrency", 16);
var users = Option(args, "--users", 1000);

await using var idp = await IdentityProviderUnderTest.StartAsync(users);
Console.WriteLine($"IdP started on {idp.BaseAddress} with {users:N0} generated users ({Environment.ProcessorCount} cores, {seconds} s per scenario, {concurrency} concurrent clients)");

var results = new List<ScenarioResult>();
foreach (var scenario in Scenarios.All(idp))
{
    results.Add(await LoadRunner.RunAsync(scenario, TimeSpan.FromSeconds(seconds), concurrency));
}

Console.WriteLine();
Console.WriteLine($"{"scenario",-26} {"req/s",10} {"p50 ms",9} {"p99 ms",9} {"errors",7}");
foreach (var result in results)
{
    Console.WriteLine($"{result.Name,-26} {result.RequestsPerSecond,10:F1} {result.P50.TotalMilliseconds,9:F1} {result.P99.TotalMilliseconds,9:F1} {result.Errors,7}");
}
Console.WriteLine();
Console.WriteLine($"IdP peak memory (VmHWM): {idp.PeakMemoryMegabytes():F0} MiB");
Console.WriteLine($"One password hash (Identity's PBKDF2, this process): {PasswordCost.Measure().TotalMilliseconds:F1} ms");

static int Option(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
