using CustomerPortal.Identity.Data;
using CustomerPortal.ServiceDefaults.Hosting;
using CustomerPortal.ServiceDefaults.Mail;

namespace CustomerPortal.Identity.Mail;

public static class MailSetup
{
    /// <summary>The shared outbox (ServiceDefaults' <see cref="MailOutboxSetup"/>) over the IdP's database, with the theme's templates.</summary>
    public static IServiceCollection AddPortalMail(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment()
            && string.IsNullOrWhiteSpace(configuration[$"{MailOptions.Section}:Smtp:Host"])
            && string.IsNullOrWhiteSpace(configuration[$"{MailOptions.Section}:PickupFolder"]))
        {
            // Written silently to files, reset and activation links would lie on the server's disk
            // and never reach anyone: outside Development, where mail goes is chosen on purpose.
            throw new ConfigurationException(
                $"Set '{MailOptions.Section}:Smtp:Host' (and its port, security and login) to send mail, or '{MailOptions.Section}:PickupFolder' " +
                "to have every mail written as a file into that folder. Outside Development one of them is required.");
        }
        services.AddMailOutbox<PortalDbContext>(configuration,
            dataFolder: provider => provider.GetRequiredService<DataFolder>().Path,
            logLinks: environment.IsDevelopment());
        services.AddSingleton<MailComposer>();
        services.AddScoped<MailOutbox>();
        services.AddSingleton<MailCapTurns>();
        services.AddScoped<MailCap>();
        return services;
    }
}
