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
        var services = builder.Services;
        var configuration = builder.Configuration;

        builder.AddRelyingApp<SupportDbContext, Data.Sqlite.SqliteSupportDbContext, Data.Postgres.PostgresSupportDbContext>(
            "support", "profile", "email", "roles", PortalScopes.Portal);
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, policy => policy.RequireRole(PortalRoles.Staff));

        services.AddOptions<ContentOptions>().Bind(configuration.GetSection(ContentOptions.Section));
        services.AddOptions<SupportMailOptions>().Bind(configuration.GetSection(SupportMailOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SupportContent>();
        services.AddScoped<SupportMails>();
        services.AddScoped<InquiryDesk>();
        services.AddSingleton(provider =>
        {
            var mail = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<SupportMailOptions>>().Value;
            return MailTransports.Create(mail.Smtp,
                mail.PickupFolder is { Length: > 0 } folder
                    ? Path.GetFullPath(folder, builder.Environment.ContentRootPath)
                    : Path.Combine(AppDataFolder.Resolve(configuration, builder.Environment), "mail"),
                provider.GetRequiredService<ILoggerFactory>());
        });
        services.AddHostedService<MailDeliveryWorker>();

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
