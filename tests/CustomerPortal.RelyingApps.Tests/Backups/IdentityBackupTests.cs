using Microsoft.Data.Sqlite;
using static CustomerPortal.RelyingApps.Tests.Backups.IdentityOverHttp;

namespace CustomerPortal.RelyingApps.Tests.Backups;

/// <summary>
/// `dotnet CustomerPortal.Identity.dll backup FILE` beside a serving IdP, and the README's restore:
/// the backup file in a fresh data folder, a fresh IdP over it, and the customers of the backup sign in.
/// </summary>
[Trait(TestTraits.Storage, TestTraits.OwnStorage)]
public sealed class IdentityBackupTests : IAsyncLifetime
{
    private const string Password = "Backup-2026x";
    private readonly string _work = PortalFactory.NewWorkFolder();
    private SmtpServer _smtp = null!;

    public async Task InitializeAsync() => _smtp = await SmtpServer.StartNewAsync();

    private Dictionary<string, string> Settings(string dataFolder)
    {
        var settings = new Dictionary<string, string>
        {
            ["Storage:DataFolder"] = dataFolder,
            ["Seed:Path"] = Path.Combine(_work, "seed"),
            ["Registration:RequireApproval"] = "false",
            ["Throttling:SignInAttemptsPerMinute"] = "1000",
            [DemoSecondFactors.RequirementSetting] = "",
        };
        foreach (var (key, value) in _smtp.Settings)
        {
            settings[key] = value!;
        }
        return settings;
    }

    [Fact]
    public async Task Backup_TakenWhileTheIdPWrites_RestoresIntoAFreshDataFolder_WhereTheCustomersOfTheBackupSignIn()
    {
        var live = Path.Combine(_work, "live");
        await using var idp = await PortalProcess.StartServerAsync("Development", Settings(live));
        var before = $"before-{Guid.NewGuid():n}@example.com";
        await RegisterAsync(idp, before, "前田");
        await ActivateAsync(idp, _smtp, before, Password);

        // Sign-ins write sessions and audit rows all through the backup; none of them may fail.
        using var stop = new CancellationTokenSource();
        var signIns = 0;
        var load = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await SignInAsync(idp, Accounts.Buyer.Email, Accounts.Buyer.Password);
                Interlocked.Increment(ref signIns);
            }
        })).ToArray();
        await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref signIns) >= 2), "sign-ins under way");

        var file = Path.Combine(_work, "backups", "nightly", "portal.db");
        await using var backup = PortalProcess.Start("Development", Settings(live), "backup", file);
        var exitCode = await backup.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var signInsAtBackupEnd = Volatile.Read(ref signIns);
        await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref signIns) > signInsAtBackupEnd), "sign-ins after the backup");
        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.True(exitCode == 0, backup.Output);
        Assert.Contains($"backed up {Path.Combine(live, "portal.db")} to {file}", backup.Output);
        // One self-contained, sound file: a rollback journal, nothing beside it.
        Assert.Equal(["ok"], Rows(file, "PRAGMA integrity_check"));
        Assert.Equal(["delete"], Rows(file, "PRAGMA journal_mode"));
        Assert.Equal(["portal.db"], Directory.GetFiles(Path.GetDirectoryName(file)!).Select(Path.GetFileName));

        var after = $"after-{Guid.NewGuid():n}@example.com";
        await RegisterAsync(idp, after, "後藤");
        Assert.True(await StaffFindAsync(idp, after));

        // The README's restore: the backup as the database of a fresh data folder, and a fresh IdP over it.
        var restored = Path.Combine(_work, "restored");
        Directory.CreateDirectory(restored);
        File.Copy(file, Path.Combine(restored, "portal.db"));
        await using var restoredIdp = await PortalProcess.StartServerAsync("Development", Settings(restored));

        Assert.Contains("前田 一郎", await SignInAsync(restoredIdp, before, Password));
        Assert.True(await StaffFindAsync(restoredIdp, before));
        Assert.False(await StaffFindAsync(restoredIdp, after));
    }

    [Fact]
    public async Task Backup_ToAnExistingFile_IsRefusedWithOneLine_UnlessOverwriteIsGiven()
    {
        var live = Path.Combine(_work, "live");
        await using var idp = await PortalProcess.StartServerAsync("Development", Settings(live));
        var file = Path.Combine(_work, "backups", "portal.db");
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.GetDirectoryName(file)!).FullName, "portal.db"), "yesterday's backup");

        await using (var refused = PortalProcess.Start("Development", Settings(live), "backup", file))
        {
            Assert.NotEqual(0, await refused.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Equal($"CustomerPortal.Identity backup failed: {file} exists; pass --overwrite to replace it.", refused.Output.Trim());
            Assert.Equal("yesterday's backup", File.ReadAllText(file));
        }
        await using var replaced = PortalProcess.Start("Development", Settings(live), "backup", file, "--overwrite");
        Assert.True(await replaced.WaitForExitAsync(TimeSpan.FromSeconds(60)) == 0, replaced.Output);
        Assert.Equal(["ok"], Rows(file, "PRAGMA integrity_check"));
    }

    /// <summary>The first column of what <paramref name="sql"/> reads from a database file, opened read-only.</summary>
    internal static string[] Rows(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }
        return [.. rows];
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }
}
