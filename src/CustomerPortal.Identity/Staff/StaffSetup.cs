namespace CustomerPortal.Identity.Staff;

public static class StaffSetup
{
    public const string Policy = "staff";

    public static IServiceCollection AddPortalStaff(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.RequireRole(PortalRoles.Staff, PortalRoles.Admin));
        services.AddSingleton(provider => BusinessCalendar.Load(
            Seeding.SeedFolder.From(provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IHostEnvironment>()).Path));
        services.AddScoped<ReviewQueue>();
        services.AddScoped<Users.UserAdministration>();
        services.AddScoped<Companies.CompanyAdministration>();
        services.AddScoped<Companies.CompanyOrderCounts>();
        // The page waits for the apps' answers: a slow app must not hold it long.
        services.AddHttpClient(Companies.CompanyOrderCounts.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(3));
        services.AddScoped<Notices.NoticeBoard>();
        return services;
    }
}
