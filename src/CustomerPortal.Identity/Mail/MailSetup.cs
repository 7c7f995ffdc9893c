using CustomerPortal.Identity.Data;
using CustomerPortal.ServiceDefaults.Hosting;
using CustomerPortal.ServiceDefaults.Mail;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Identity.Mail;

public static class MailSetup
{
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
        services.AddOptions<MailOptions>()
            .Bind(configuration.GetSection(MailOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<MailComposer>();
        services.AddSingleton<MailSignal>();
        services.AddScoped<MailOutbox>();
        services.AddScoped<MailDelivery>();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<MailOptions>>().Value;
            return MailTransports.Create(options.Smtp,
                options.PickupFolder ?? Path.Combine(provider.GetRequiredService<DataFolder>().Path, "mail"),
                provider.GetRequiredService<ILoggerFactory>(),
                logLinks: provider.GetRequiredService<IHostEnvironment>().IsDevelopment());
        });
        services.AddHostedService<MailDeliveryWorker>();
        return services;
    }
}
