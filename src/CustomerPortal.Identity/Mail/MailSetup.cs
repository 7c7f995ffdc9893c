using CustomerPortal.Identity.Data;
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
        services.AddSingleton<IMailTransport>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<MailOptions>>().Value;
            if (!string.IsNullOrWhiteSpace(options.Smtp.Host))
            {
                return new SmtpMailTransport(provider.GetRequiredService<IOptions<MailOptions>>());
            }
            var folder = options.PickupFolder ?? Path.Combine(provider.GetRequiredService<DataFolder>().Path, "mail");
            return new PickupFolderMailTransport(folder, provider.GetRequiredService<ILogger<PickupFolderMailTransport>>());
        });
        services.AddHostedService<MailDeliveryWorker>();
        return services;
    }
}
