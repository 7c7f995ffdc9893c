using CustomerPortal.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.HostFiltering;

namespace CustomerPortal.Identity.Security;

/// <summary>
/// Outside Development only the portal's own host names are served: a request naming another
/// host gets 400 from ASP.NET Core's host filtering, before anything could echo that host back in
/// a redirect or a link.
/// </summary>
public static class HostAllowList
{
    public const string Setting = "AllowedHosts";

    public static IServiceCollection AddPortalHostAllowList(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        PublicOrigin.RequireConfiguredOutsideDevelopment(configuration, environment);
        if (environment.IsDevelopment())
        {
            return services;
        }
        var configured = (configuration[Setting] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (configured.Contains("*"))
        {
            throw new ConfigurationException(
                $"The setting '{Setting}' may not be \"*\" outside Development: list the host names the portal answers to, separated by ';' " +
                "(by default the host of Registration:PublicOrigin).");
        }
        // Registered after the web host's own post-configuration, so this one has the last word.
        services.PostConfigure<HostFilteringOptions>(options =>
        {
            options.AllowedHosts = configured.Length > 0 ? configured : [PublicOrigin.Configured(configuration)!.Host];
            options.IncludeFailureMessage = false;
        });
        return services;
    }
}
