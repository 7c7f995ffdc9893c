using System.Text.Encodings.Web;
using System.Text.Unicode;
using CustomerPortal.Identity.Account;
using CustomerPortal.Identity.Account.Addresses;
using CustomerPortal.Identity.Account.Passwords;
using CustomerPortal.Identity.Activation;
using CustomerPortal.Identity.Audit;
using CustomerPortal.Identity.Companies;
using CustomerPortal.Identity.Connect;
using CustomerPortal.Identity.Connect.Sessions;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Mail;
using CustomerPortal.Identity.Maintenance;
using CustomerPortal.Identity.Observability;
using CustomerPortal.Identity.PostalCodes;
using CustomerPortal.Identity.Security;
using CustomerPortal.Identity.Seeding;
using CustomerPortal.Identity.Staff;
using CustomerPortal.Identity.Staff.Theme;
using CustomerPortal.Identity.Theming;
using CustomerPortal.ServiceDefaults;
using CustomerPortal.ServiceDefaults.Security;
using Microsoft.Extensions.WebEncoders;

namespace CustomerPortal.Identity.Hosting;

/// <summary>The IdP's services and request pipeline, feature by feature.</summary>
public static class PortalApplication
{
    // OpenIddict's form_post response submits itself with this one inline script; its hash is
    // allowed so that the rest of the site can refuse inline scripts altogether.
    private const string FormPostScriptHash = "'sha256-j7OoGArf6XW6YY4cAyS3riSSvrJRqpSi1fOF9vQ5SrI='";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddPortalTelemetry(PortalMetrics.MeterName);
        var services = builder.Services;

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PublicOrigin>();
        services.AddPortalHostAllowList(builder.Configuration, builder.Environment);
        services.AddPortalStorage(builder.Configuration, builder.Environment);
        services.AddPortalTheming(builder.Configuration);
        services.AddPortalAccounts(builder.Configuration, builder.Environment);
        services.AddPortalPasswordPolicy(builder.Configuration);
        services.AddPortalTokenServer(builder.Configuration, builder.Environment);
        services.AddPortalSeeding();
        services.AddPortalThrottling(builder.Configuration);
        services.AddPortalMail(builder.Configuration, builder.Environment);
        services.AddPortalActivation(builder.Configuration);
        services.AddPortalAudit(builder.Configuration);
        services.AddPortalStaff();
        services.AddPortalCompanies();
        services.AddPortalPostalCodes();
        services.AddSingleton<Maintenance.MaintenanceMode>();
        services.AddPortalHealth();
        services.AddPortalSessions();
        services.AddPortalMetrics(builder.Configuration);
        services.AddOptions<AppLinks>().Bind(builder.Configuration.GetSection(AppLinks.Section));
        services.AddSingleton<Resources.GuideDocument>();
        services.AddSingleton<Resources.LegalDocuments>();
        services.AddRequestGuard();
        services.AddTrustedProxies(builder.Configuration);

        // Japanese text stays readable in the HTML instead of becoming numeric character references.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(options =>
        {
            // Feature folders: Account/, Connect/, Shared/ sit at the project root, not under Pages/.
            options.RootDirectory = "/";
            // Every page needs a signed-in user unless it says [AllowAnonymous].
            options.Conventions.AuthorizeFolder("/");
            // New and edit share one page (the pencil of an address opens it with its id).
            options.Conventions.AddPageRoute("/Account/Addresses/AddressEdit", "/account/addresses/{id:guid}/edit");
            // Staff actions need a recent second factor (Staff.StaffStepUpFilter).
            options.Conventions.AddFolderApplicationModelConvention("/Staff", model => model.Filters.Add(new Staff.StaffStepUpFilter()));
        });

        return builder.Build();
    }

    public static void UsePortalPipeline(this WebApplication app)
    {
        // The client's address and scheme, from the named proxies only, before anything uses them.
        app.UseTrustedProxies();
        app.UseSecurityHeaders(FormPostScriptHash);
        if (!app.Environment.IsDevelopment())
        {
            // A page asked for over plain HTTP moves to HTTPS before any credential is typed
            // (behind a TLS-terminating proxy, name it in ForwardedHeaders:KnownProxies or KnownNetworks).
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        // Discovery and the JWKS are fetched by every client and API and never change while the
        // process runs: answered before anything that concerns users, languages or pages.
        app.UseMetadataFromMemory();
        app.UseRequestLocalization();
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseRequestGuard();
        app.UseThemeStaticFiles();
        // Who is asking is known before routing, so that maintenance can send customers to its page.
        app.UseAuthentication();
        app.UseMaintenanceGate();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapRazorPages();
        app.MapTokenEndpoint();
        app.MapUserInfoEndpoint();
        app.MapLanguageSwitch();
        app.MapAddressApi();
        app.MapPostalCodeLookup();
        app.MapEmailPreview();
        app.MapPortalHealth();
        app.MapPortalMetrics();
    }
}
