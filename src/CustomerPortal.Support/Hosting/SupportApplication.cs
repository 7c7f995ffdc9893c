using System.Globalization;
using CustomerPortal.AppShell;
using CustomerPortal.ServiceDefaults.Hosting;
using CustomerPortal.ServiceDefaults.Mail;
using CustomerPortal.Support.Data;
using CustomerPortal.Support.Inquiries;
using CustomerPortal.Support.Mail;
using CustomerPortal.Support.Shared;

namespace CustomerPortal.Support.Hosting;

/// <summary>The support app's services and pipeline.</summary>
public static class SupportApplication
{
    public const string StaffPolicy = "staff";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddPortalTelemetry();
        var services = builder.Services;
        var configuration = builder.Configuration;

        builder.AddRelyingApp<SupportDbContext, Data.Sqlite.SqliteSupportDbContext, Data.Postgres.PostgresSupportDbContext>(
            "support", "profile", "email", "roles", PortalScopes.Portal);
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, policy => policy.RequireRole(PortalRoles.Staff));

        services.AddOptions<ContentOptions>().Bind(configuration.GetSection(ContentOptions.Section));
        services.AddSingleton<SupportContent>();
        services.AddScoped<SupportMails>();
        services.AddScoped<InquiryDesk>();
        // The IdP's outbox over the support database, with the same Mail:* keys; these defaults
        // are the support app's own from before it shared the outbox.
        services.AddMailOutbox<SupportDbContext>(configuration,
            dataFolder: _ => AppDataFolder.Resolve(configuration, builder.Environment),
            defaults: mail =>
            {
                mail.From = "support@customer-portal.localhost";
                mail.PollInterval = TimeSpan.FromSeconds(2);
                mail.RetryDelay = TimeSpan.FromSeconds(15);
            });
        // The sender's name is the portal's (in Japanese) unless Mail:FromName says otherwise.
        services.AddOptions<MailOptions>().PostConfigure<MessageBundle>((mail, messages) =>
            mail.FromName ??= messages.Get(CultureInfo.GetCultureInfo(MessageBundle.DefaultLanguage), MessageBundle.PortalNameKey));

        services.AddAppShell(nameKey: "support.name");
        services.AddRazorPages(options =>
        {
            // Feature folders at the project root; every signed-in customer may write to support,
            // only staff answer.
            options.RootDirectory = "/";
            options.Conventions.AuthorizeFolder("/");
            options.Conventions.AuthorizeFolder("/Staff", StaffPolicy);
        });
        return builder.Build();
    }

    public static async Task PrepareAsync(this WebApplication app)
    {
        await app.MigrateRelyingAppAsync<SupportDbContext>();
        // Read seed/support now: a broken file stops the start, not a customer's inquiry.
        _ = app.Services.GetRequiredService<SupportContent>();
    }
}
