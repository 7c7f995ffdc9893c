using System.Diagnostics;
using System.Text.Json;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Data.Sqlite;
using CustomerPortal.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.LoadTest;

/// <summary>The published IdP as its own process on a free loopback port, with its own data folder and seed copy.</summary>
public sealed class IdentityProviderUnderTest : IAsyncDisposable
{
    public const string WebClientId = "load-web";
    public const string WebSecret = "load-web-secret";
    public const string RedirectUri = "https://load.test/callback";
    public const string ServiceClientId = "load-service";
    public const string ServiceSecret = "load-service-secret";
    public const string UserPassword = "Load-Test-2026";

    private readonly Process _process;
    private readonly string _work;
    private readonly string? _connectionString;
    private int _errorsLogged;
    private bool _inError; // the lines after a "fail:" line belong to it until one is not indented

    private IdentityProviderUnderTest(Process process, string work, string? connectionString, Uri baseAddress)
    {
        _process = process;
        _work = work;
        _connectionString = connectionString;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public int UserCount { get; private set; }

    /// <summary>From restarting the process on its existing, seeded database to the first answer of discovery.</summary>
    public TimeSpan StartToDiscovery { get; private set; }

    /// <summary>Lines the IdP logged at Error or Critical ("fail:", "crit:"), which no run should produce.</summary>
    public int ErrorsLogged => Volatile.Read(ref _errorsLogged);

    /// <param name="postgres">A PostgreSQL connection string without database; null runs on SQLite.</param>
    /// <param name="settings">More configuration for the IdP (Mail:Smtp:Host, say), by its keys with ':'.</param>
    public static async Task<IdentityProviderUnderTest> StartAsync(int users, string? postgres = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var work = Path.Combine(Path.GetTempPath(), "customer-portal-load", Guid.NewGuid().ToString("n"));
        var seed = Path.Combine(work, "seed");
        CopyDirectory(Path.Combine(RepositoryRoot(), "seed"), seed);
        WriteClient(seed, new
        {
            clientId = WebClientId, displayName = "Load web", type = "confidential", secret = WebSecret,
            grantTypes = new[] { "authorization_code", "refresh_token" }, scopes = new[] { "openid", "profile", "offline_access" },
            redirectUris = new[] { RedirectUri },
        });
        WriteClient(seed, new
        {
            clientId = ServiceClientId, displayName = "Load service", type = "confidential", secret = ServiceSecret,
            grantTypes = new[] { "client_credentials" }, scopes = new[] { "addresses" },
        });

        var data = Path.Combine(work, "data");
        var connectionString = postgres is null ? null : $"{postgres};Database=portal_load_{Path.GetFileName(work)}";
        await GenerateUsersAsync(data, users, connectionString);

        var binaries = await PublishedIdentityProvider.FolderAsync(RepositoryRoot());
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = binaries,
        };
        start.ArgumentList.Add(Path.Combine(binaries, "CustomerPortal.Identity.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_CONTENTROOT"] = binaries;
        start.Environment["Theme__Path"] = Path.Combine(RepositoryRoot(), "themes");
        start.Environment["Storage__DataFolder"] = data;
        start.Environment["Seed__Path"] = seed;
        if (connectionString is not null)
        {
            start.Environment["Storage__Provider"] = "PostgreSQL";
            start.Environment["Storage__ConnectionString"] = connectionString;
        }
        start.Environment["Throttling__SignInAttemptsPerMinute"] = "100000000";
        // The per-address and per-account limits would otherwise answer most posts of the enumeration timing.
        start.Environment["Registration__PerAddressPerHour"] = "100000000";
        start.Environment["Registration__PerSerialPerDay"] = "100000000";
        start.Environment["Registration__ResetLinksPerAccountPerHour"] = "100000000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        // The first start applies seed/ (the benchmark's clients); what is timed is the restart after
        // it, on the existing database, as an operator restarting the IdP sees it.
        var first = await LaunchAsync(start, work, connectionString, users);
        await first.StopAsync();
        return await LaunchAsync(start, work, connectionString, users);
    }

    private static async Task<IdentityProviderUnderTest> LaunchAsync(ProcessStartInfo start, string work, string? connectionString, int users)
    {
        var port = LoopbackPorts.Next();
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        var started = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        var idp = new IdentityProviderUnderTest(process, work, connectionString, new Uri($"http://127.0.0.1:{port}")) { UserCount = users };
        var listening = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Now listening", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
            idp.CountError(e.Data);
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(120));
        idp.StartToDiscovery = await FirstDiscoveryAsync(idp.BaseAddress, started);
        return idp;
    }

    /// <summary>
    /// The first answer of discovery, asked for as soon as the IdP says it listens: the time from the
    /// process's start is what an operator waits for after a restart.
    /// </summary>
    private static async Task<TimeSpan> FirstDiscoveryAsync(Uri baseAddress, Stopwatch started)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        using var response = await http.GetAsync("/.well-known/openid-configuration");
        response.EnsureSuccessStatusCode();
        return started.Elapsed;
    }

    /// <summary>The console logger starts an entry with its level: "fail:" for Error, "crit:" for Critical.</summary>
    private void CountError(string? line)
    {
        if (line is null)
        {
            return;
        }
        if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _errorsLogged);
            _inError = true;
            Console.Error.WriteLine($"IdP: {line}");
        }
        else if (_inError && line.StartsWith(' '))
        {
            // The entry's message and exception, indented under its first line: what the maintainer needs to see.
            Console.Error.WriteLine($"IdP: {line}");
        }
        else
        {
            _inError = false;
        }
    }

    /// <summary>The IdP's own database, for what the benchmark counts there (the mail outbox).</summary>
    public PortalDbContext OpenDatabase() => Database(Path.Combine(_work, "data"), _connectionString);

    private static PortalDbContext Database(string dataFolder, string? postgres) => postgres is null
        ? new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>()
            .UseSqlite($"Data Source={Path.Combine(dataFolder, "portal.db")}").UseOpenIddict()
            .UseApplicationServiceProvider(DesignTimeIdentity.Services).Options)
        : new CustomerPortal.Identity.Data.Postgres.PostgresPortalDbContext(
            new DbContextOptionsBuilder<CustomerPortal.Identity.Data.Postgres.PostgresPortalDbContext>()
                .UseNpgsql(postgres).UseOpenIddict().UseApplicationServiceProvider(DesignTimeIdentity.Services).Options);

    /// <summary>
    /// Writes the generated users through the IdP's own model before it starts (it applies the
    /// migrations first), all with one precomputed hash, so a million users take minutes, not days.
    /// </summary>
    private static async Task GenerateUsersAsync(string dataFolder, int count, string? postgres)
    {
        Directory.CreateDirectory(dataFolder);
        await using var db = Database(dataFolder, postgres);
        await db.Database.MigrateAsync();
        if (postgres is null)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        var randomHex = postgres is null ? "hex(randomblob(16))" : "md5(random()::text || n::text)";
        var watch = Stopwatch.StartNew();
        // The users belong to a company, as every approved customer does today (a user without one
        // would be given one at the next start, one by one, as an upgrade from before companies).
        var company = new CustomerPortal.Identity.Companies.Company
        {
            Code = "C9001", Name = "負荷試験株式会社", CreatedAt = DateTimeOffset.UtcNow,
            ComparableName = CustomerPortal.Identity.Companies.CompanyNames.Comparable("負荷試験株式会社"),
        };
        db.Companies.Add(company);
        await db.SaveChangesAsync();
        // One user through the model (so every column is right), then copies of its row made by SQLite itself.
        var email = Email(0);
        db.Users.Add(new PortalUser
        {
            Id = Guid.NewGuid().ToString(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
            NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true,
            PasswordHash = new PasswordHasher<PortalUser>().HashPassword(new PortalUser(), UserPassword),
            SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true, FamilyName = "負荷", GivenName = "0", CompanyName = "負荷試験株式会社", CompanyId = company.Id,
            Status = AccountStatus.Active, CreatedAt = DateTimeOffset.UtcNow, ActivatedAt = DateTimeOffset.UtcNow, FirstSignInAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        if (count > 1)
        {
            var columns = await db.Database.SqlQueryRaw<string>(postgres is null
                ? "SELECT name AS \"Value\" FROM pragma_table_info('AspNetUsers')"
                : "SELECT column_name::text AS \"Value\" FROM information_schema.columns WHERE table_name = 'AspNetUsers' ORDER BY ordinal_position")
                .ToListAsync();
            var replaced = new Dictionary<string, string>
            {
                ["Id"] = $"lower({randomHex})",
                ["UserName"] = "'load-' || CAST(n AS TEXT) || '@example.com'",
                ["Email"] = "'load-' || CAST(n AS TEXT) || '@example.com'",
                ["NormalizedUserName"] = "upper('load-' || CAST(n AS TEXT) || '@example.com')",
                ["NormalizedEmail"] = "upper('load-' || CAST(n AS TEXT) || '@example.com')",
                ["SecurityStamp"] = $"upper({randomHex})",
                ["ConcurrencyStamp"] = $"lower({randomHex})",
                ["GivenName"] = "CAST(n AS TEXT)",
            };
            var names = string.Join(", ", columns.Select(c => $"\"{c}\""));
            var values = string.Join(", ", columns.Select(c => replaced.TryGetValue(c, out var expression) ? expression : $"t.\"{c}\""));
#pragma warning disable EF1002 // the SQL is built from the table's own column names, no input
            await db.Database.ExecuteSqlRawAsync($"""
                WITH RECURSIVE numbers(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM numbers WHERE n < {count - 1})
                INSERT INTO "AspNetUsers" ({names})
                SELECT {values} FROM numbers, (SELECT * FROM "AspNetUsers" WHERE "NormalizedEmail" = '{email.ToUpperInvariant()}') AS t
                """);
#pragma warning restore EF1002
        }
        Console.WriteLine($"{count:N0} users generated in {watch.Elapsed.TotalSeconds:F0} s");
    }

    public static string Email(int index) => $"load-{index}@example.com";

    public double PeakMemoryMegabytes() => MemoryMegabytes("VmHWM:");

    /// <summary>
    /// The methods the IdP's JIT has compiled since its start, from its /metrics (the runtime's
    /// dotnet.jit.compiled_methods; loopback may read it).
    /// </summary>
    public async Task<long> CompiledMethodsAsync()
    {
        var metrics = await LoadRunner.BackChannel.GetStringAsync(new Uri(BaseAddress, "/metrics"));
        var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith(CompiledMethodsSeries, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The IdP's /metrics has no {CompiledMethodsSeries}.");
        return (long)double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private const string CompiledMethodsSeries = "dotnet_jit_compiled_methods_total";

    /// <summary>The IdP's resident set now (VmRSS): what the machine gives it, managed heap and everything else.</summary>
    public double ResidentMemoryMegabytes() => MemoryMegabytes("VmRSS:");

    private double MemoryMegabytes(string field)
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return status is null
            ? double.NaN
            : double.Parse(status.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    private bool _disposed;

    /// <summary>Ends the process and keeps its folder, for a restart on the same database.</summary>
    private async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        await StopAsync();
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }

    private static void WriteClient(string seed, object client)
    {
        var id = (string)client.GetType().GetProperty("clientId")!.GetValue(client)!;
        File.WriteAllText(Path.Combine(seed, "clients", $"{id}.json"), JsonSerializer.Serialize(client));
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CustomerPortal.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("CustomerPortal.sln not found.");
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var directory in Directory.GetDirectories(from))
        {
            CopyDirectory(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }
}
