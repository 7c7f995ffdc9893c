using System.Text.Encodings.Web;
using System.Text.Unicode;
using CustomerPortal.Ordering.Addresses;
using CustomerPortal.Ordering.Cart;
using CustomerPortal.Ordering.Catalog;
using CustomerPortal.Ordering.Data;
using CustomerPortal.Ordering.Documents;
using CustomerPortal.Ordering.Orders;
using CustomerPortal.Portal.Client.Hosting;
using CustomerPortal.Portal.Client.Maintenance;
using CustomerPortal.Portal.Client.Security;
using CustomerPortal.Portal.Client.SignIn;
using CustomerPortal.Portal.Client.SignOut;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace CustomerPortal.Ordering.Hosting;

/// <summary>The ordering app's services and pipeline.</summary>
public static class OrderingApplication
{
    public const string BuyerPolicy = "supplies-buyer";
    public const string StaffPolicy = "staff";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<OrderingDbContext>(options => options.UseSqlite(
            configuration["Storage:ConnectionString"] ?? $"Data Source={Path.Combine(AppDataFolder.Resolve(configuration, builder.Environment), "ordering.db")}"));
        services.AddDataProtection().SetApplicationName("CustomerPortal.Ordering").PersistKeysToDbContext<OrderingDbContext>();

        services.AddThemeMessages(configuration);
        services.AddRelyingAppLocalization();
        services.AddOptions<AppLinks>().Bind(configuration.GetSection(AppLinks.Section));
        services.AddPortalSignIn<OrderingDbContext>(configuration,
            "profile", "email", "roles", PortalScopes.Portal, PortalScopes.Addresses);
        services.AddAuthorizationBuilder()
            .AddPolicy(BuyerPolicy, policy => policy.RequireRole(PortalRoles.SuppliesBuyer))
            .AddPolicy(StaffPolicy, policy => policy.RequireRole(PortalRoles.Staff));

        services.AddOptions<CatalogOptions>().Bind(configuration.GetSection(CatalogOptions.Section));
        services.AddOptions<SellerOptions>().Bind(configuration.GetSection(SellerOptions.Section));
        services.AddSingleton<SuppliesCatalog>();
        services.AddScoped<ShoppingCart>();
        services.AddScoped<OrderDesk>();
        services.AddSingleton<DocumentFont>();
        services.AddSingleton<PdfDocumentRenderer>();
        services.AddHttpContextAccessor();
        services.AddHttpClient<AddressBookClient>((provider, client) =>
            client.BaseAddress = new Uri(provider.GetRequiredService<PortalSignInOptions>().Authority.TrimEnd('/') + "/"));

        // Japanese text stays readable in the HTML instead of becoming numeric character references.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRouting(options => options.LowercaseUrls = true);
        services.AddRazorPages(options =>
        {
            // Feature folders at the project root. Signing in is required everywhere; ordering
            // needs the supplies-buyer role, the shipping desk the staff role.
            options.RootDirectory = "/";
            options.Conventions.AuthorizeFolder("/");
            options.Conventions.AuthorizeFolder("/Catalog", BuyerPolicy);
            options.Conventions.AuthorizeFolder("/Cart", BuyerPolicy);
            options.Conventions.AuthorizeFolder("/Orders", BuyerPolicy);
            options.Conventions.AuthorizeFolder("/Staff", StaffPolicy);
        });
        return builder.Build();
    }

    public static async Task MigrateAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrderingDbContext>();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        // Read the catalog and the font now: a broken file stops the start, not a customer's order.
        _ = app.Services.GetRequiredService<SuppliesCatalog>();
        _ = app.Services.GetRequiredService<DocumentFont>();
    }

    public static void UseOrderingPipeline(this WebApplication app)
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
