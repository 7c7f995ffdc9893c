namespace CustomerPortal.RelyingApps.Tests.Backups;

/// <summary>On PostgreSQL the backup command is not the tool: it says so and names pg_dump.</summary>
[Trait(TestTraits.Storage, TestTraits.PostgresOnly)]
public sealed class PostgresBackupTests
{
    [PostgresFact]
    public async Task Backup_WithPostgreSqlConfigured_RefusesAndPointsAtPgDump()
    {
        var work = Path.Combine(Path.GetTempPath(), "customer-portal-backups", Guid.NewGuid().ToString("n"));
        var file = Path.Combine(work, "portal.db");
        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "PostgreSQL",
            ["Storage:ConnectionString"] = $"{PortalFactory.Postgres};Database=backup_{Path.GetFileName(work)}",
            ["Storage:DataFolder"] = Path.Combine(work, "data"),
        };

        await using var backup = PortalProcess.Start("Development", settings, "backup", file);

        Assert.NotEqual(0, await backup.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        var message = Assert.Single(backup.Output.Trim().Split('\n'));
        Assert.Contains("pg_dump", message);
        Assert.False(File.Exists(file));
    }
}
