using System.Text.Encodings.Web;
using System.Text.Unicode;
using CustomerPortal.ServiceDefaults.Maintenance;
using CustomerPortal.ServiceDefaults.Security;
using CustomerPortal.ServiceDefaults.SignIn;
using CustomerPortal.ServiceDefaults.SignOut;
using CustomerPortal.ServiceDefaults.Storage;
using CustomerPortal.ServiceDefaults.Theming;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.WebEncoders;

namespace CustomerPortal.ServiceDefaults.Hosting;

/// <summary>What the ordering and support apps set up alike; each adds its own features on top.</summary>
public static class RelyingAppHosting
{
    /// <summary>
    /// The app's database and key ring: SQLite in App_Data/{name}.db by default, or PostgreSQL
    /// (Storage:Provider, Storage:ConnectionString) when the app runs on several nodes; the
    /// provider picks which derived context, and so which migrations, stands behind
    /// <typeparamref name="TContext"/>. Then the themes' texts in the user's language, the links
    /// between the portal's parts, and sign-in at the IdP with <paramref name="scopes"/>.
    /// </summary>
    public static IServiceCollection AddRelyingApp<TContext, TSqlite, TPostgres>(this WebApplicationBuilder builder, string name, params string[] scopes)
        where TContext : RelyingAppDbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var provider = configuration["Storage:Provider"] ?? "Sqlite";
        var connectionString = configuration["Storage:ConnectionString"];
        if (provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new ConfigurationException("Storage:ConnectionString is required when Storage:Provider is 'PostgreSQL'.");
            }
            services.AddDbContext<TContext, TPostgres>(options => options.UseNpgsql(connectionString));
        }
        else if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            services.AddDbContext<TContext, TSqlite>(options => options.UseTunedSqlite(
                connectionString ?? $"Data Source={Path.Combine(AppDataFolder.Resolve(configuration, builder.Environment), $"{name}.db")}"));
        }
        else
        {
            throw new ConfigurationException("Storage:Provider must be 'Sqlite' or 'PostgreSQL'.");
        }
        services.AddDataProtection().SetApplicationName($"CustomerPortal.{name}").PersistKeysToDbContext<TContext>();

        services.AddThemeMessages(configuration);
        services.AddRelyingAppLocalization(name);
        services.AddOptions<AppLinks>().Bind(configuration.GetSection(AppLinks.Section));
        services.AddPortalSignIn<TContext>(configuration, scopes);

        // Japanese text stays readable in the HTML instead of becoming numeric character references.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRouting(options => options.LowercaseUrls = true);
        return services;
    }

    /// <summary>Applies the app's migrations (never EnsureCreated); SQLite runs in WAL mode.</summary>
    public static async Task MigrateRelyingAppAsync<TContext>(this WebApplication app) where TContext : RelyingAppDbContext
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }

    /// <summary>
    /// Errors without stack traces, security headers, the theme's files, the signed-in user and
    /// their language, the IdP's maintenance switch; then the app's pages, sign-out (front and
    /// back channel) and a liveness probe.
    /// </summary>
    public static void UseRelyingAppPipeline(this WebApplication app)
    {
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            // A page asked for over plain HTTP moves to HTTPS before any credential is typed
            // (behind a TLS-terminating proxy set ASPNETCORE_FORWARDEDHEADERS_ENABLED=true).
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseThemeStaticFiles();
        app.UseAuthentication();
        // A link from the IdP or the other app names the language it was shown in; this app keeps it.
        app.UseAppLanguageFromLinks();
        // After authentication, so that the user's locale claim picks the language.
        app.UseRequestLocalization();
        // The IdP's maintenance switch closes the app to customers too.
        app.UsePortalMaintenanceGate();
        app.UseRouting();
        app.UseAuthorization();

        app.MapRazorPages();
        app.MapPortalSignOut();
        app.MapAppLanguageSwitch();
        app.MapPortalBackChannelLogout();
        // Alive either way (200); during the IdP's maintenance it says so, like the IdP's own health.
        app.MapGet("/health/live", async (MaintenanceFollower maintenance, CancellationToken cancellationToken) =>
            (await maintenance.CurrentAsync(cancellationToken)).Enabled
                ? Results.Json(new { status = "Degraded", description = "maintenance" })
                : Results.Json(new { status = "Healthy" })).AllowAnonymous();
    }
}
