using CustomerPortal.AppShell;
using CustomerPortal.Ordering.Addresses;
using CustomerPortal.Ordering.Cart;
using CustomerPortal.Ordering.Catalog;
using CustomerPortal.Ordering.Data;
using CustomerPortal.Ordering.Documents;
using CustomerPortal.Ordering.Orders;
using CustomerPortal.ServiceDefaults.Hosting;
using CustomerPortal.ServiceDefaults.SignIn;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace CustomerPortal.Ordering.Hosting;

/// <summary>The ordering app's services and pipeline.</summary>
public static class OrderingApplication
{
    public const string BuyerPolicy = "supplies-buyer";
    public const string StaffPolicy = "staff";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddPortalTelemetry();
        var services = builder.Services;
        var configuration = builder.Configuration;

        builder.AddRelyingApp<OrderingDbContext, Data.Sqlite.SqliteOrderingDbContext, Data.Postgres.PostgresOrderingDbContext>(
            "ordering", "profile", "email", "roles", PortalScopes.Portal, PortalScopes.Addresses);
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

        // At each sign-in, orders the customer placed before they had a company join it.
        services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
        {
            var earlier = options.Events.OnTokenValidated;
            options.Events.OnTokenValidated = async context =>
            {
                await earlier(context);
                if (context.Principal is { } principal && PortalCustomer.From(principal) is { CompanyId: { } companyId } customer)
                {
                    await context.HttpContext.RequestServices.GetRequiredService<OrderDesk>().AdoptIntoCompanyAsync(customer.Id, companyId);
                }
            };
        });

        services.AddAppShell(nameKey: "ordering.name", accessDeniedTitleKey: "ordering.denied.title");
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

    public static async Task PrepareAsync(this WebApplication app)
    {
        await app.MigrateRelyingAppAsync<OrderingDbContext>();
        // Read the catalog and the font now: a broken file stops the start, not a customer's order.
        _ = app.Services.GetRequiredService<SuppliesCatalog>();
        _ = app.Services.GetRequiredService<DocumentFont>();
    }
}
