namespace CustomerPortal.Identity.Seeding;

/// <summary>
/// Applies seed/ in dependency order. Every step creates or updates, so running it twice changes
/// nothing the second time. Runs at start-up in Development and through the `seed` command elsewhere.
/// </summary>
public sealed class SeedRunner(ScopeSeeder scopes, ClientSeeder clients, RoleSeeder roles, DeviceSeeder devices, DevelopmentUserSeeder users,
    IConfiguration configuration, IHostEnvironment environment, ILogger<SeedRunner> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var seed = SeedFolder.From(configuration, environment);
        logger.LogInformation("Seeding from {SeedPath}", seed.Path);
        await scopes.SeedAsync(seed, cancellationToken);
        await clients.SeedAsync(seed, cancellationToken);
        await roles.SeedAsync(seed);
        await devices.SeedAsync(seed);
        if (environment.IsDevelopment())
        {
            await users.SeedAsync(seed);
        }
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

    public static async Task SeedPortalAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SeedRunner>().RunAsync(cancellationToken);
    }
}
