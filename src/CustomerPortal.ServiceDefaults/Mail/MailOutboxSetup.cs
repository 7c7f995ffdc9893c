using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CustomerPortal.ServiceDefaults.Mail;

public static class MailOutboxSetup
{
    /// <summary>
    /// The mail outbox of a part whose database is <typeparamref name="TContext"/>: the "Mail"
    /// options, <see cref="MailQueue"/> to write mails in the caller's unit of work, the transport
    /// (SMTP when Mail:Smtp:Host is set, else .eml files in Mail:PickupFolder or "mail" in
    /// <paramref name="dataFolder"/>), and <see cref="MailDeliveryWorker"/> with <see cref="MailDelivery"/>.
    /// </summary>
    /// <param name="defaults">The part's own defaults, which configuration then overrides.</param>
    /// <param name="logLinks">Development only: log each mail file's first link (see <see cref="PickupFolderMailTransport"/>).</param>
    public static IServiceCollection AddMailOutbox<TContext>(
        this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, string> dataFolder,
        Action<MailOptions>? defaults = null, bool logLinks = false)
        where TContext : DbContext, IMailOutboxContext
    {
        services.AddOptions<MailOptions>()
            .Configure(options => defaults?.Invoke(options))
            .Bind(configuration.GetSection(MailOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<IMailOutboxContext>(provider => provider.GetRequiredService<TContext>());
        services.AddSingleton<MailSignal>();
        services.AddSingleton<MailServerState>();
        services.AddScoped<MailQueue>();
        services.AddScoped<MailDelivery>();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<MailOptions>>().Value;
            var folder = options.PickupFolder is { Length: > 0 } configured
                ? Path.GetFullPath(configured, provider.GetRequiredService<IHostEnvironment>().ContentRootPath)
                : Path.Combine(dataFolder(provider), "mail");
            return MailTransports.Create(options.Smtp, folder, provider.GetRequiredService<ILoggerFactory>(), logLinks);
        });
        services.AddHostedService<MailDeliveryWorker>();
        return services;
    }
}
