using CustomerPortal.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Identity.Seeding;

/// <summary>
/// Applies seed/ in dependency order. Every step creates or updates, so running it twice changes
/// nothing the second time. Runs at start-up in Development, there only when seed/ changed since it
/// was last applied to this database (<see cref="SeedStamp"/>), and through the `seed` command elsewhere.
/// </summary>
public sealed class SeedRunner(ScopeSeeder scopes, ClientSeeder clients, RoleSeeder roles, DeviceSeeder devices, DevelopmentUserSeeder users,
    PortalDbContext db, IConfiguration configuration, IHostEnvironment environment, TimeProvider clock, ILogger<SeedRunner> logger)
{
    /// <param name="always">false: skip when the database already holds this seed's digest.</param>
    public async Task RunAsync(bool always, CancellationToken cancellationToken = default)
    {
        var seed = SeedFolder.From(configuration, environment);
        var digest = SeedDigest.Of(seed, configuration, environment);
        var stamp = await db.SeedStamps.SingleOrDefaultAsync(s => s.Id == SeedStamp.SingletonId, cancellationToken);
        if (!always && stamp?.Digest == digest)
        {
            logger.LogInformation("Seed {SeedPath} unchanged since {AppliedAt}: not applied again", seed.Path, stamp.AppliedAt);
            return;
        }

        logger.LogInformation("Seeding from {SeedPath}", seed.Path);
        await scopes.SeedAsync(seed, cancellationToken);
        await clients.SeedAsync(seed, cancellationToken);
        await roles.SeedAsync(seed);
        await devices.SeedAsync(seed);
        if (environment.IsDevelopment())
        {
            await users.SeedAsync(seed);
        }

        // Stamped last: a seed that failed half-way is applied again at the next start.
        stamp ??= db.SeedStamps.Add(new SeedStamp()).Entity;
        stamp.Digest = digest;
        stamp.AppliedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }
}

public static class SeedingSetup
{
    public static IServiceCollection AddPortalSeeding(this IServiceCollection services)
    {
        services.AddScoped<ScopeSeeder>();
        services.AddScoped<ClientSeeder>();
        services.AddScoped<RoleSeeder>();
        services.AddScoped<DeviceSeeder>();
        services.AddScoped<DevelopmentUserSeeder>();
        services.AddScoped<SeedRunner>();
        return services;
    }

    /// <param name="always">The `seed` command applies seed/ whatever the stamp says; a Development start only when it changed.</param>
    public static async Task SeedPortalAsync(this IServiceProvider services, bool always, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SeedRunner>().RunAsync(always, cancellationToken);
    }
}
