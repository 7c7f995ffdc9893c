using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace CustomerPortal.ServiceDefaults.Hosting;

/// <summary>
/// The <c>backup FILE [--overwrite]</c> command of each part: a consistent copy of the part's SQLite
/// database, taken with SQLite's online backup API while the part keeps serving from another
/// process. It reads the part's configuration as the part does (appsettings, environment, the
/// command line's <c>--Key=value</c>) and starts nothing else: no web host, migrations or seeding.
/// </summary>
public static class SqliteBackup
{
    /// <summary>Runs the command; returns the exit code (0 when FILE holds the copy). Errors are one line, without a stack trace.</summary>
    public static int Run(string part, string databaseFile, string[] args)
    {
        try
        {
            var (target, overwrite, settings) = Parse(part, args);
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = settings });
            var source = SourceOf(builder, databaseFile);
            var clock = Stopwatch.StartNew();
            Copy(source, target, overwrite);
            Console.WriteLine($"{part}: backed up {source} to {target} ({new FileInfo(target).Length:N0} bytes, {clock.Elapsed.TotalSeconds:0.0} s).");
            return 0;
        }
        catch (Exception error) when (error is ConfigurationException or SqliteException or IOException
            or UnauthorizedAccessException or ArgumentException or InvalidDataException)
        {
            Console.Error.WriteLine($"{part} backup failed: {error.Message}");
            return 1;
        }
    }

    private static (string Target, bool Overwrite, string[] Settings) Parse(string part, string[] args)
    {
        string? target = null;
        var overwrite = false;
        var settings = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--overwrite")
            {
                overwrite = true;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                // --Key=value, or --Key value: configuration for the part, as when it serves.
                settings.Add(args[i]);
                if (!args[i].Contains('=', StringComparison.Ordinal) && i + 1 < args.Length)
                {
                    settings.Add(args[++i]);
                }
            }
            else if (target is null)
            {
                target = Path.GetFullPath(args[i]);
            }
            else
            {
                throw new ConfigurationException($"unexpected argument '{args[i]}'. Usage: dotnet {part}.dll backup FILE [--overwrite]");
            }
        }
        return (target ?? throw new ConfigurationException($"no FILE given. Usage: dotnet {part}.dll backup FILE [--overwrite]"), overwrite, [.. settings]);
    }

    /// <summary>The part's database, found as the part finds it: Storage:ConnectionString, else {Storage:DataFolder}/{file}.</summary>
    private static string SourceOf(WebApplicationBuilder builder, string databaseFile)
    {
        var configuration = builder.Configuration;
        var provider = configuration["Storage:Provider"] ?? "Sqlite";
        if (provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            throw new ConfigurationException(
                "Storage:Provider is 'PostgreSQL': back up that database with pg_dump --format=custom (README, \"Backups and restore\").");
        }
        if (!provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new ConfigurationException("Storage:Provider must be 'Sqlite' or 'PostgreSQL'.");
        }
        var path = configuration["Storage:ConnectionString"] is { Length: > 0 } connectionString
            ? new SqliteConnectionStringBuilder(connectionString).DataSource
            : Path.Combine(Path.GetFullPath(configuration["Storage:DataFolder"] ?? "App_Data", builder.Environment.ContentRootPath), databaseFile);
        path = Path.GetFullPath(path);
        // Opening a missing file would create an empty database and back that up.
        return File.Exists(path)
            ? path
            : throw new ConfigurationException($"there is no database at {path} (see Storage:DataFolder and Storage:ConnectionString).");
    }

    private static void Copy(string source, string target, bool overwrite)
    {
        if (string.Equals(source, target, StringComparison.Ordinal))
        {
            throw new ConfigurationException($"{target} is the database itself; name another file.");
        }
        if (File.Exists(target) && !overwrite)
        {
            throw new ConfigurationException($"{target} exists; pass --overwrite to replace it.");
        }
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        // Written under another name and moved at the end: FILE is never half a backup.
        var partial = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():n}.partial");
        try
        {
            using (var from = Open(source, SqliteOpenMode.ReadWrite))
            using (var to = Open(partial, SqliteOpenMode.ReadWriteCreate))
            {
                // One step of all pages: one read transaction, so the copy is the database as of one
                // commit, WAL content included; the part's writers go on meanwhile (WAL).
                from.BackupDatabase(to);
            }
            // The copy's header still says WAL, as the source's did: reopened and switched to a
            // rollback journal, the backup is this one file, with no -wal or -shm beside it.
            using (var copy = Open(partial, SqliteOpenMode.ReadWrite))
            using (var command = copy.CreateCommand())
            {
                command.CommandText = "PRAGMA journal_mode=DELETE;";
                command.ExecuteNonQuery();
            }
            File.Move(partial, target, overwrite);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        // Unpooled, so that closing really closes the file before it is moved.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        // The part's writers hold the lock for moments; wait for them as the part's own connections do.
        command.CommandText = "PRAGMA busy_timeout = 10000;";
        command.ExecuteNonQuery();
        return connection;
    }
}
