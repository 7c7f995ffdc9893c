using System.Net;

namespace CustomerPortal.RelyingApps.Tests.Backups;

/// <summary>The relying apps' `backup FILE` takes the same kind of copy of their own database, beside the serving app.</summary>
[Trait(TestTraits.Storage, TestTraits.OwnStorage)]
public sealed class RelyingAppBackupTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
    private static readonly string Ordering =
        Path.Combine(RepositoryRoot.Path, "src", "CustomerPortal.Ordering", "bin", Configuration, "net10.0", "CustomerPortal.Ordering.dll");

    private readonly string _work = Path.Combine(Path.GetTempPath(), "customer-portal-backups", Guid.NewGuid().ToString("n"));

    [Fact]
    public async Task OrderingBackup_OfTheServingApp_IsOneSoundFile_TheAppRestartsOn()
    {
        var live = new Dictionary<string, string> { ["Storage:DataFolder"] = Path.Combine(_work, "live") };
        await using var app = await PortalProcess.StartServerAsync("Development", live, Ordering);
        var file = Path.Combine(_work, "backups", "ordering.db");

        await using var backup = PortalProcess.StartAssembly(Ordering, "Development", live, "backup", file);

        Assert.True(await backup.WaitForExitAsync(TimeSpan.FromSeconds(60)) == 0, backup.Output);
        Assert.Contains($"CustomerPortal.Ordering: backed up {Path.Combine(_work, "live", "ordering.db")} to {file}", backup.Output);
        Assert.Equal(["ok"], IdentityBackupTests.Rows(file, "PRAGMA integrity_check"));
        Assert.Equal(["delete"], IdentityBackupTests.Rows(file, "PRAGMA journal_mode"));
        // The app's Data Protection keys (its cookies) are in the database, so in the backup.
        const string Keys = "SELECT FriendlyName FROM DataProtectionKeys ORDER BY Id";
        Assert.NotEmpty(IdentityBackupTests.Rows(file, Keys));
        Assert.Equal(IdentityBackupTests.Rows(Path.Combine(_work, "live", "ordering.db"), Keys), IdentityBackupTests.Rows(file, Keys));

        // Restored into a fresh data folder, the app opens it (its migrations find it current) and serves.
        var restored = Directory.CreateDirectory(Path.Combine(_work, "restored")).FullName;
        File.Copy(file, Path.Combine(restored, "ordering.db"));
        await using var restoredApp = await PortalProcess.StartServerAsync("Development", new() { ["Storage:DataFolder"] = restored }, Ordering);
        using var http = new HttpClient { BaseAddress = restoredApp.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Backup_OfAMissingDatabase_FailsWithOneLine_AndCreatesNothing()
    {
        var settings = new Dictionary<string, string> { ["Storage:DataFolder"] = Path.Combine(_work, "never-started") };
        var file = Path.Combine(_work, "backups", "ordering.db");

        await using var backup = PortalProcess.StartAssembly(Ordering, "Development", settings, "backup", file);

        Assert.NotEqual(0, await backup.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal($"CustomerPortal.Ordering backup failed: there is no database at {Path.Combine(_work, "never-started", "ordering.db")} "
            + "(see Storage:DataFolder and Storage:ConnectionString).", backup.Output.Trim());
        Assert.False(File.Exists(Path.Combine(_work, "never-started", "ordering.db")));
        Assert.False(File.Exists(file));
    }

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }
}
