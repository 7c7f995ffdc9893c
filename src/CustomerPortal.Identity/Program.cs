using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Hosting;
using CustomerPortal.Identity.Seeding;
using CustomerPortal.ServiceDefaults.Hosting;

if (args is ["backup", .. var backupArgs])
{
    // A copy of the live SQLite database, taken beside the serving IdP: no web host, migrations or seeding.
    return SqliteBackup.Run("CustomerPortal.Identity", "portal.db", backupArgs);
}

try
{
    var app = PortalApplication.Build(args);
    await app.Services.MigratePortalDatabaseAsync();

    if (args is ["seed"])
    {
        // Outside Development, seed/ is applied on purpose: `dotnet CustomerPortal.Identity.dll seed`.
        await app.Services.SeedPortalAsync(always: true);
        return 0;
    }
    if (app.Environment.IsDevelopment())
    {
        // Only when seed/ changed: a restart on the same database skips its password hashes.
        await app.Services.SeedPortalAsync(always: false);
    }

    app.UsePortalPipeline();
    await app.RunAsync();
    return 0;
}
catch (Exception error) when (error.IsConfigurationMistake() || error is SeedException)
{
    // A configuration mistake: say which setting, without a stack trace.
    Console.Error.WriteLine($"CustomerPortal.Identity cannot start: {error.Message}");
    return 1;
}

/// <summary>Visible to the functional tests (WebApplicationFactory).</summary>
public partial class Program;
