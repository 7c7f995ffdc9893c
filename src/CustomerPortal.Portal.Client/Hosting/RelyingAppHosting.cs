using System.Text.Encodings.Web;
using System.Text.Unicode;
using CustomerPortal.Portal.Client.Maintenance;
using CustomerPortal.Portal.Client.Security;
using CustomerPortal.Portal.Client.SignIn;
using CustomerPortal.Portal.Client.SignOut;
using CustomerPortal.Portal.Client.Theming;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.WebEncoders;

namespace CustomerPortal.Portal.Client.Hosting;

/// <summary>What the ordering and support apps set up alike; each adds its own features on top.</summary>
public static class RelyingAppHosting
{
    /// <summary>
    /// The app's SQLite database (App_Data/{name}.db unless Storage:ConnectionString says
    /// otherwise) and key ring, the themes' texts in the user's language, the links between the
    /// portal's parts, and sign-in at the IdP with <paramref name="scopes"/>.
    /// </summary>
    public static IServiceCollection AddRelyingApp<TContext>(this WebApplicationBuilder builder, string name, params string[] scopes)
        where TContext : RelyingAppDbContext
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<TContext>(options => options.UseSqlite(
            configuration["Storage:ConnectionString"] ?? $"Data Source={Path.Combine(AppDataFolder.Resolve(configuration, builder.Environment), $"{name}.db")}"));
        services.AddDataProtection().SetApplicationName($"CustomerPortal.{name}").PersistKeysToDbContext<TContext>();

        services.AddThemeMessages(configuration);
        services.AddRelyingAppLocalization();
        services.AddOptions<AppLinks>().Bind(configuration.GetSection(AppLinks.Section));
        services.AddPortalSignIn<TContext>(configuration, scopes);

        // Japanese text stays readable in the HTML instead of becoming numeric character references.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRouting(options => options.LowercaseUrls = true);
        return services;
    }

    /// <summary>Applies the app's migrations (never EnsureCreated) with SQLite in WAL mode.</summary>
    public static async Task MigrateRelyingAppAsync<TContext>(this WebApplication app) where TContext : RelyingAppDbContext
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
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
            app.UseHsts();
        }
        app.UseThemeStaticFiles();
        app.UseAuthentication();
        // After authentication, so that the user's locale claim picks the language.
        app.UseRequestLocalization();
        // The IdP's maintenance switch closes the app to customers too.
        app.UsePortalMaintenanceGate();
        app.UseRouting();
        app.UseAuthorization();

        app.MapRazorPages();
        app.MapPortalSignOut();
        app.MapPortalBackChannelLogout();
        app.MapGet("/health/live", () => Results.Text("Healthy")).AllowAnonymous();
    }
}
