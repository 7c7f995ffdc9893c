using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerPortal.ServiceDefaults.Storage;

/// <summary>
/// Settings every SQLite connection gets when it opens (they are per connection, not stored in the file).
/// </summary>
/// <remarks>
/// busy_timeout: when two requests write at once, the second waits inside SQLite, which retries
/// after 1, 2, 5, 10 … ms. Without it Microsoft.Data.Sqlite answers SQLITE_BUSY by sleeping
/// 150 ms per retry, which under load put every concurrent token request 150 ms behind.
/// synchronous=NORMAL: in WAL mode a commit no longer waits for fsync of the log; the file stays
/// consistent and nothing committed is lost when the process dies, only the last commits before
/// a power cut of the whole machine (SQLite's recommended setting for WAL).
/// </remarks>
public sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";

    public static readonly SqliteConnectionTuning Instance = new();

    private SqliteConnectionTuning()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

public static class SqliteConnectionTuningExtensions
{
    /// <summary>UseSqlite with the connection settings above.</summary>
    public static DbContextOptionsBuilder UseTunedSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString).AddInterceptors(SqliteConnectionTuning.Instance);
}
