namespace CustomerPortal.Identity.Companies;

public static class CompanySetup
{
    public static IServiceCollection AddPortalCompanies(this IServiceCollection services)
    {
        services.AddScoped<CompanyDirectory>();
        services.AddScoped<CompanyMachines>();
        return services;
    }
}
