using CustomerPortal.Identity.Data;
using CustomerPortal.Portal.Client.Mail;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Identity.Mail;

public static class MailSetup
{
    public static IServiceCollection AddPortalMail(this IServiceCollection services, IConfiguration configuration)
    {
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
