using CustomerPortal.Identity.Account;
using CustomerPortal.Identity.Connect;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Security;
using CustomerPortal.Identity.Seeding;
using CustomerPortal.Identity.Theming;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddPortalStorage(builder.Configuration, builder.Environment);
builder.Services.AddPortalTheming(builder.Configuration);
builder.Services.AddPortalAccounts(builder.Configuration, builder.Environment);
builder.Services.AddPortalTokenServer(builder.Configuration, builder.Environment);
builder.Services.AddPortalSeeding();
builder.Services.AddPortalThrottling(builder.Configuration);
builder.Services.AddRequestGuard();
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
    // Japanese text stays readable in the HTML instead of becoming numeric character references.
    options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddRazorPages(options =>
{
    // Feature folders: Account/, Connect/, Shared/ sit at the project root, not under Pages/.
    options.RootDirectory = "/";
    // Every page needs a signed-in user unless it says [AllowAnonymous].
    options.Conventions.AuthorizeFolder("/");
});

var app = builder.Build();

await app.Services.MigratePortalDatabaseAsync();
if (args is ["seed"])
{
    // Production seeds on purpose, not at every start: `dotnet CustomerPortal.Identity.dll seed`.
    await app.Services.SeedPortalAsync();
    return;
}
if (app.Environment.IsDevelopment())
{
    await app.Services.SeedPortalAsync();
}

app.UseRequestLocalization();
app.UseExceptionHandler("/error");
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseRequestGuard();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}
app.UseThemeStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapRazorPages();
app.MapTokenEndpoint();
app.MapUserInfoEndpoint();
app.MapLanguageSwitch();

app.Run();

/// <summary>Visible to the functional tests (WebApplicationFactory).</summary>
public partial class Program;
