using CustomerPortal.Identity.Data.Postgres;
using CustomerPortal.Identity.Data.Sqlite;
using CustomerPortal.ServiceDefaults.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Identity.Data;

public static class StorageSetup
{
    public static IServiceCollection AddPortalStorage(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.Provider.Equals(StorageProviders.Sqlite, StringComparison.OrdinalIgnoreCase)
                    || o.Provider.Equals(StorageProviders.PostgreSql, StringComparison.OrdinalIgnoreCase),
                "Storage:Provider must be 'Sqlite' or 'PostgreSQL'.")
            .Validate(o => !o.Provider.Equals(StorageProviders.PostgreSql, StringComparison.OrdinalIgnoreCase)
                    || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Storage:ConnectionString is required when Storage:Provider is 'PostgreSQL'.")
            .ValidateOnStart();
        services.AddSingleton<DataFolder>();

        // Cookies, antiforgery tokens and one-time links stay valid across restarts and nodes.
        services.AddDataProtection()
            .SetApplicationName("CustomerPortal.Identity")
            .PersistKeysToDbContext<PortalDbContext>();

        // Features ask for PortalDbContext; the provider decides which derived context (and so
        // which set of migrations) stands behind it.
        var provider = configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}"] ?? StorageProviders.Sqlite;
        if (provider.Equals(StorageProviders.PostgreSql, StringComparison.OrdinalIgnoreCase))
        {
            services.AddDbContextPool<PortalDbContext, PostgresPortalDbContext>((services, options) =>
            {
                options.UseNpgsql(services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString);
                options.UseOpenIddict();
            });
        }
        else
        {
            services.AddDbContextPool<PortalDbContext, SqlitePortalDbContext>((services, options) =>
            {
                var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
                var folder = services.GetRequiredService<DataFolder>();
                options.UseTunedSqlite(storage.ConnectionString ?? $"Data Source={Path.Combine(folder.Path, "portal.db")}");
                options.UseOpenIddict();
            });
        }
        return services;
    }

    /// <summary>Applies pending migrations; never EnsureCreated, so the schema can evolve.</summary>
    public static async Task MigratePortalDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        // MigrateAsync first compares the whole model with the migrations (EF Core builds it again for
        // that, about a third of a restart); asking for pending migrations reads only their history.
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        if (db.Database.IsSqlite())
        {
            // WAL lets readers proceed while a writer commits; the mode is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        await Companies.LegacyCompanies.UpgradeAsync(db, scope.ServiceProvider.GetRequiredService<Companies.CompanyDirectory>(), cancellationToken);
    }
}

/// <summary>The resolved, existing data folder.</summary>
public sealed class DataFolder
{
    public DataFolder(IOptions<StorageOptions> options, IHostEnvironment environment)
    {
        Path = Create(options.Value.DataFolder, environment);
    }

    /// <summary>For start-up code that runs before options exist (the token keys).</summary>
    public static string Resolve(IConfiguration configuration, IHostEnvironment environment) =>
        Create(configuration.GetSection(StorageOptions.Section).Get<StorageOptions>()?.DataFolder ?? new StorageOptions().DataFolder, environment);

    private static string Create(string configured, IHostEnvironment environment)
    {
        var path = System.IO.Path.GetFullPath(configured, environment.ContentRootPath);
        Directory.CreateDirectory(path);
        return path;
    }

    public string Path { get; }
}
