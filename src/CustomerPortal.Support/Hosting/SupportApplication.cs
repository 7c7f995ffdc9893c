using System.Text.Encodings.Web;
using System.Text.Unicode;
using CustomerPortal.Portal.Client.Hosting;
using CustomerPortal.Portal.Client.Maintenance;
using CustomerPortal.Portal.Client.Security;
using CustomerPortal.Portal.Client.SignIn;
using CustomerPortal.Portal.Client.SignOut;
using CustomerPortal.Support.Data;
using CustomerPortal.Support.Inquiries;
using CustomerPortal.Support.Mail;
using CustomerPortal.Support.Shared;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.WebEncoders;

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

        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<SupportDbContext>(options => options.UseSqlite(
            configuration["Storage:ConnectionString"] ?? $"Data Source={Path.Combine(AppDataFolder.Resolve(configuration, builder.Environment), "support.db")}"));
        services.AddDataProtection().SetApplicationName("CustomerPortal.Support").PersistKeysToDbContext<SupportDbContext>();

        services.AddThemeMessages(configuration);
        services.AddRelyingAppLocalization();
        services.AddOptions<AppLinks>().Bind(configuration.GetSection(AppLinks.Section));
        services.AddPortalSignIn<SupportDbContext>(configuration, "profile", "email", "roles", PortalScopes.Portal);
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, policy => policy.RequireRole(PortalRoles.Staff));

        services.AddOptions<ContentOptions>().Bind(configuration.GetSection(ContentOptions.Section));
        services.AddOptions<SupportMailOptions>().Bind(configuration.GetSection(SupportMailOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SupportContent>();
        services.AddScoped<SupportMails>();
        services.AddScoped<InquiryDesk>();
        services.AddHostedService<MailDeliveryWorker>();

        // Japanese text stays readable in the HTML instead of becoming numeric character references.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRouting(options => options.LowercaseUrls = true);
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

    public static async Task MigrateAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportDbContext>();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        // Read seed/support now: a broken file stops the start, not a customer's inquiry.
        _ = app.Services.GetRequiredService<SupportContent>();
    }

    public static void UseSupportPipeline(this WebApplication app)
    {
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseThemeStaticFiles();
        app.UseAuthentication();
        // After authentication, so that the user's locale claim picks the language.
        app.UseRequestLocalization();
        // The IdP's maintenance switch closes this app to customers too.
        app.UsePortalMaintenanceGate();
        app.UseRouting();
        app.UseAuthorization();

        app.MapRazorPages();
        app.MapPortalSignOut();
        app.MapPortalBackChannelLogout();
        app.MapGet("/health/live", () => Results.Text("Healthy")).AllowAnonymous();
    }
}
