using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CustomerPortal.Testing;

/// <summary>
/// The real IdP in memory, in Development, with its own data folder and its own copy of seed/
/// (plus the test clients), so tests never share a database.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly bool _ownsFolders;

    public PortalFactory() : this(NewWorkFolder(), ownsFolders: true) { }

    /// <summary>Reuses the data and seed folders of an earlier instance: a restart.</summary>
    public static PortalFactory RestartOf(PortalFactory previous) => new(previous.WorkFolder, ownsFolders: false);

    private PortalFactory(string workFolder, bool ownsFolders)
    {
        WorkFolder = workFolder;
        _ownsFolders = ownsFolders;
    }

    public string WorkFolder { get; }
    public string DataFolder => Path.Combine(WorkFolder, "data");
    public string SeedFolder => Path.Combine(WorkFolder, "seed");
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>
    /// When set (before the first request), the portal's clock: tests of expiry, lifetimes and
    /// max_age move it on instead of waiting. Unset, the portal keeps the system clock, so its
    /// timers and caches run as in production.
    /// </summary>
    public FakeTimeProvider? Clock { get; set; }

    /// <summary>
    /// When set (before the first request), every log record of the portal is kept here too, for
    /// tests of what an operator reads in the log.
    /// </summary>
    public FakeLogCollector? Logs { get; set; }

    public static string NewWorkFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "customer-portal-tests", Guid.NewGuid().ToString("n"));
        CopyDirectory(Path.Combine(RepositoryRoot.Path, "seed"), Path.Combine(folder, "seed"));
        TestClients.WriteInto(Path.Combine(folder, "seed"));
        DemoSecondFactors.RemoveFrom(Path.Combine(folder, "seed"));
        return folder;
    }

    /// <summary>
    /// Set by tests/run for the second pass: the in-process tests then run on PostgreSQL, each
    /// factory in a database of its own.
    /// </summary>
    public static string? Postgres { get; } = Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:DataFolder", DataFolder);
        if (Postgres is not null)
        {
            builder.UseSetting("Storage:Provider", "PostgreSQL");
            builder.UseSetting("Storage:ConnectionString", $"{Postgres};Database=portal_{Path.GetFileName(WorkFolder)}");
        }
        builder.UseSetting("Seed:Path", SeedFolder);
        builder.UseSetting("Throttling:SignInAttemptsPerMinute", "1000");
        builder.UseSetting(DemoSecondFactors.RequirementSetting, "");
        // The in-memory server listens nowhere: links in mails need the origin the test client uses.
        builder.UseSetting("Registration:PublicOrigin", PublicOrigin);
        // Answers held back for an even time (against timing enumeration) would only slow the
        // suite; the load benchmark measures them, and the apps' stack keeps the default.
        builder.UseSetting("Security:MinimumAnswerTime", "00:00:00");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            // PBKDF2 at Identity's 100,000 iterations costs some 100 ms of CPU per hash, and every
            // portal seeds its demo users and every test signs in: most of the suite's time would go
            // there. The hash format and every check stay the same; the load benchmark
            // (tests/CustomerPortal.LoadTest) measures sign-in at the real cost.
            services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1_000);
            if (Clock is { } clock)
            {
                services.AddSingleton<TimeProvider>(clock);
            }
            if (Logs is { } logs)
            {
                services.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(logs));
            }
        });
    }

    public const string PublicOrigin = "https://localhost/";

    public async Task<PortalUser> FindUserAsync(string email)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No user {email}.");
    }

    /// <summary>The account as stored now.</summary>
    public async Task<PortalUser> StoredUserAsync(string id)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == id);
    }

    /// <summary>The outbox row of every mail queued to <paramref name="email"/>, oldest first: what was sent, or will be.</summary>
    public async Task<List<ServiceDefaults.Mail.OutboxMessage>> OutboxToAsync(string email)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return [.. (await db.OutboxMessages.AsNoTracking().Where(m => m.Recipient == email).ToListAsync()).OrderBy(m => m.CreatedAt)];
    }

    /// <summary>The outbox row of every mail queued for <paramref name="userId"/>, oldest first.</summary>
    public async Task<List<ServiceDefaults.Mail.OutboxMessage>> OutboxForAsync(string userId)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return [.. (await db.OutboxMessages.AsNoTracking().Where(m => m.UserId == userId).ToListAsync()).OrderBy(m => m.CreatedAt)];
    }

    private bool _onLoopback;

    /// <summary>
    /// Starts the portal on a real loopback socket (Kestrel) instead of in memory, for tests where the
    /// peer's address matters: it is then 127.0.0.1, where the in-memory server knows none. Set
    /// <see cref="Settings"/> first.
    /// </summary>
    public void StartOnLoopback()
    {
        UseKestrel(0);
        _onLoopback = true;
        StartServer();
    }

    public Browser CreateBrowser() => _onLoopback
        // A real socket: a plain client keeps cookies and leaves redirects to the test, as in memory.
        ? new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new System.Net.CookieContainer() })
        {
            BaseAddress = ClientOptions.BaseAddress,
        })
        : new(CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri("https://localhost"),
        }));

    /// <summary>A browser that has signed in through the real sign-in form.</summary>
    public async Task<Browser> SignedInBrowserAsync(string email, string password)
    {
        var browser = CreateBrowser();
        var login = await LoginPage.OpenAsync(browser);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await login.SubmitAsync(email, password)).StatusCode);
        return browser;
    }

    /// <summary>Arranges an active customer directly through Identity, for tests that change or lock the account.</summary>
    public async Task<PortalUser> CreateActiveUserAsync(string email, string password, params string[] roles)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser
        {
            UserName = email, Email = email, EmailConfirmed = true, Status = AccountStatus.Active,
            FamilyName = "試験", GivenName = "花子", CompanyName = "試験株式会社", Locale = "ja",
            // Activated and signed in before: no activation mail on the test's first sign-in.
            CreatedAt = DateTimeOffset.UtcNow.AddDays(-30), ActivatedAt = DateTimeOffset.UtcNow.AddDays(-29),
            FirstSignInAt = DateTimeOffset.UtcNow.AddDays(-29),
        };
        AssertSucceeded(await users.CreateAsync(user, password));
        AssertSucceeded(await users.AddToRolesAsync(user, roles));
        return user;
    }

    public async Task WithUserAsync(string email, Func<UserManager<PortalUser>, PortalUser, Task> change)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
        await change(users, user);
    }

    private static void AssertSucceeded(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));

    /// <summary>Stops the server but leaves its folders for a <see cref="RestartOf"/>; the owner deletes them later.</summary>
    public async Task DisposeAsyncKeepingFolders()
    {
        _keepFolders = true;
        await DisposeAsync();
        _keepFolders = false;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private bool _keepFolders;
    private bool _foldersDeleted;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsFolders && !_keepFolders && !_foldersDeleted)
        {
            _foldersDeleted = true;
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(WorkFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
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
