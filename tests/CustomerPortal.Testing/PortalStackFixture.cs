using System.Text.RegularExpressions;
using CustomerPortal.Testing;
using Microsoft.Data.Sqlite;

namespace CustomerPortal.Testing;

/// <summary>
/// The IdP, the ordering app and the support app as three processes on loopback (free ports),
/// wired as the AppHost wires them, with a real SMTP server receiving every part's mail.
/// Access tokens live only a few seconds, so the apps refresh them while the tests run.
/// </summary>
public class PortalStackFixture : IAsyncLifetime
{
    public const string Collection = "portal-stack";

    /// <summary>
    /// A customer of this stack's own, for the test that gives it a second factor: the demo
    /// accounts must keep signing in with a password alone.
    /// </summary>
    public static readonly (string Email, string Password) MultiFactorCustomer = ("mfa-request@example.com", "MfaRequest-2026");

    /// <summary>A buyer of another company than the demo customers' (C0002 of devices.json): their orders are not its.</summary>
    public static readonly (string Email, string Password) OtherCompanyBuyer = ("other-company@example.com", "OtherCompany-2026");

    /// <summary>A buyer of this stack's own for the tests of the apps' language switch: it changes the account's language.</summary>
    public static readonly (string Email, string Password) LanguageSwitcher = ("language-switch@example.com", "LanguageSwitch-2026");

    /// <summary>
    /// The buyer of a company of this stack's own (<see cref="MergedCompanyCode"/>, with a machine),
    /// which the test of merges folds into the demo company C0001.
    /// </summary>
    public static readonly (string Email, string Password) MergedCompanyBuyer = ("merged-company@example.com", "MergedCompany-2026");
    public const string MergedCompanyCode = "C0009";

    /// <summary>
    /// The seller's registration number and bank account number as an operator sets them for the
    /// ordering app: other than appsettings.json's samples, so that a document shows what is configured.
    /// </summary>
    public const string SellerRegistrationNumber = "T9876543210987";
    public const string SellerAccountNumber = "7654321";

    /// <summary>How long the IdP's access tokens live here; the apps refresh them this close to expiry.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan RefreshBeforeExpiry = TimeSpan.FromSeconds(3);

    private readonly string _workFolder = Path.Combine(Path.GetTempPath(), "customer-portal-stack", Guid.NewGuid().ToString("n"));

    public PortalStack Stack { get; private set; } = null!;
    public SmtpServer Smtp { get; private set; } = null!;

    public Uri Identity => Stack.Identity.Address;
    public Uri Ordering => Stack.Ordering.Address;
    public Uri Support => Stack.Support.Address;

    /// <summary>How early the apps refresh an access token; a subclass may make every request find it due.</summary>
    protected virtual TimeSpan AppsRefreshBeforeExpiry => RefreshBeforeExpiry;

    public async Task InitializeAsync()
    {
        Smtp = await SmtpServer.StartNewAsync();
        Stack = await StartStackAsync(_workFolder, Smtp, new Dictionary<string, string>
        {
            ["Server:AccessTokenLifetime"] = AccessTokenLifetime.ToString(),
        }, new Dictionary<string, string>
        {
            ["SignIn:RefreshBeforeExpiry"] = AppsRefreshBeforeExpiry.ToString(),
            ["SignIn:MaintenanceCheckInterval"] = "00:00:00.500",
        });
    }

    /// <summary>
    /// Starts a stack in <paramref name="workFolder"/>: its own copy of seed/ with the app clients
    /// registered at the stack's ports, every part's mail to <paramref name="smtp"/>.
    /// </summary>
    public static async Task<PortalStack> StartStackAsync(
        string workFolder, SmtpServer smtp,
        Dictionary<string, string>? identitySettings = null, Dictionary<string, string>? appSettings = null)
    {
        int identity = LoopbackPorts.Next(), ordering = LoopbackPorts.Next(), support = LoopbackPorts.Next();
        var seed = Path.Combine(workFolder, "seed");
        CopySeed(seed, new Dictionary<int, int> { [5102] = ordering, [5103] = support });
        DemoSecondFactors.RemoveFrom(seed);
        DemoSecondFactors.AddAccount(seed, MultiFactorCustomer, ["supplies-buyer"]);
        DemoSecondFactors.AddAccount(seed, OtherCompanyBuyer, ["supplies-buyer"], companyCode: "C0002");
        DemoSecondFactors.AddAccount(seed, LanguageSwitcher, ["supplies-buyer"]);
        AddDevice(seed, "9012345", "DM300c", MergedCompanyCode, "合併前商事株式会社");
        DemoSecondFactors.AddAccount(seed, MergedCompanyBuyer, ["supplies-buyer"], companyCode: MergedCompanyCode, addressBookOf: "buyer@example.com");
        var mail = smtp.Settings.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!);
        var options = new PortalStackOptions
        {
            RepositoryRoot = RepositoryRoot.Path,
            DataRoot = Path.Combine(workFolder, "data"),
            IdentityPort = identity,
            OrderingPort = ordering,
            SupportPort = support,
            Settings = new()
            {
                ["identity"] = new Dictionary<string, string>(mail)
                {
                    ["Seed:Path"] = seed,
                    ["Throttling:SignInAttemptsPerMinute"] = "1000",
                    [DemoSecondFactors.RequirementSetting] = "",
                },
                ["ordering"] = new Dictionary<string, string>
                {
                    ["Seller:RegistrationNumber"] = SellerRegistrationNumber,
                    ["Seller:Bank:AccountNumber"] = SellerAccountNumber,
                },
                ["support"] = new Dictionary<string, string>(mail),
            },
        };
        if (PortalFactory.Postgres is not null)
        {
            // The PostgreSQL pass of tests/run: every part of the stack runs on it, each in its own database.
            foreach (var part in new[] { "identity", "ordering", "support" })
            {
                options.Settings[part]["Storage:Provider"] = "PostgreSQL";
                options.Settings[part]["Storage:ConnectionString"] =
                    $"{PortalFactory.Postgres};Database={(part == "identity" ? "stack" : part)}_{Path.GetFileName(workFolder)}";
            }
        }
        foreach (var (key, value) in identitySettings ?? [])
        {
            options.Settings["identity"][key] = value;
        }
        foreach (var (key, value) in appSettings ?? [])
        {
            options.Settings["ordering"][key] = value;
            options.Settings["support"][key] = value;
        }
        return await PortalStack.StartAsync(options);
    }

    /// <summary>Where the IdP keeps its development signing key (the stack's IdP data folder).</summary>
    public string SigningKeyFolder => Path.Combine(_workFolder, "data", "identity");

    /// <summary>The IdP session (sid) a user's sign-in created, read from the IdP's database (SQLite, or PostgreSQL in the second pass).</summary>
    public async Task<string> OpenSessionOfAsync(string email) =>
        (string?)await QueryIdentityAsync("""
            SELECT s."Id" FROM "UserSessions" s JOIN "AspNetUsers" u ON u."Id" = s."UserId"
            WHERE u."NormalizedEmail" = @email AND s."EndedAt" IS NULL ORDER BY s."CreatedAt" DESC LIMIT 1
            """, email) ?? throw new InvalidOperationException($"{email} has no open IdP session.");

    /// <summary>How many refresh tokens the IdP has issued to a user's grants (stored under their token-type URN): each rotation adds one.</summary>
    public async Task<long> RefreshTokensIssuedToAsync(string email) =>
        Convert.ToInt64(await QueryIdentityAsync("""
            SELECT COUNT(*) FROM "OpenIddictTokens" t JOIN "AspNetUsers" u ON u."Id" = t."Subject"
            WHERE u."NormalizedEmail" = @email AND t."Type" LIKE '%refresh_token'
            """, email), System.Globalization.CultureInfo.InvariantCulture);

    private Task<object?> QueryIdentityAsync(string sql, string email) =>
        RunAsync("identity", sql, ("email", email.ToUpperInvariant()), command => command.ExecuteScalarAsync());

    /// <summary>Changes the ordering app's database behind its back, as data of an older version would be.</summary>
    public Task<int> ExecuteOrderingAsync(string sql, (string Name, object Value) parameter) =>
        RunAsync("ordering", sql, parameter, command => command.ExecuteNonQueryAsync());

    /// <summary>Runs one command on a part's database (SQLite, or PostgreSQL in the second pass).</summary>
    private async Task<T> RunAsync<T>(string part, string sql, (string Name, object Value) parameter, Func<System.Data.Common.DbCommand, Task<T>> run)
    {
        await using System.Data.Common.DbConnection connection = PortalFactory.Postgres is not null
            ? new Npgsql.NpgsqlConnection($"{PortalFactory.Postgres};Database={(part == "identity" ? "stack" : part)}_{Path.GetFileName(_workFolder)}")
            : new SqliteConnection($"Data Source={Path.Combine(_workFolder, "data", part, part == "identity" ? "portal.db" : $"{part}.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // Quoted names and an @ parameter read the same on both providers.
        command.CommandText = sql;
        var value = command.CreateParameter();
        value.ParameterName = parameter.Name;
        value.Value = parameter.Value;
        command.Parameters.Add(value);
        return await run(command);
    }

    /// <summary>Adds a machine bound to a company (created by the device seeder if new) to a copy of seed/devices.json.</summary>
    private static void AddDevice(string seedFolder, string serial, string model, string companyCode, string companyName)
    {
        var file = Path.Combine(seedFolder, "devices.json");
        var devices = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file), documentOptions: new System.Text.Json.JsonDocumentOptions
        {
            CommentHandling = System.Text.Json.JsonCommentHandling.Skip,
        })!.AsArray();
        devices.Add(new System.Text.Json.Nodes.JsonObject
        {
            ["serial"] = serial, ["model"] = model, ["companyCode"] = companyCode, ["companyName"] = companyName,
        });
        File.WriteAllText(file, devices.ToJsonString());
    }

    private static void CopySeed(string to, IReadOnlyDictionary<int, int> ports)
    {
        var from = Path.Combine(RepositoryRoot.Path, "seed");
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var text = File.ReadAllText(file);
            foreach (var (fixedPort, port) in ports)
            {
                text = Regex.Replace(text, $@"http://localhost:{fixedPort}/", $"http://localhost:{port}/");
            }
            File.WriteAllText(target, text);
        }
    }

    public async Task DisposeAsync()
    {
        await Stack.DisposeAsync();
        await Smtp.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_workFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
