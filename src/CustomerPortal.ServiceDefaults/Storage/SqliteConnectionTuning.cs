using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
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
/// Microsoft.Data.Sqlite pools the native connections, which keep these settings; EF Core opens
/// the connection for every query, so they are applied once per native connection, not per query
/// (running them on every open was a SQL statement more per query).
/// </remarks>
public sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;";

    public static readonly SqliteConnectionTuning Instance = new();

    private SqliteConnectionTuning()
    {
    }

    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Tuned = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsTuned(connection))
        {
            return;
        }
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        MarkTuned(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsTuned(connection))
        {
            return;
        }
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        MarkTuned(connection);
    }

    // The native handle outlives the SqliteConnection that opened it (the pool lends it again).
    private static SQLitePCL.sqlite3? NativeHandleOf(DbConnection connection) => (connection as SqliteConnection)?.Handle;

    private static bool IsTuned(DbConnection connection) => NativeHandleOf(connection) is { } handle && Tuned.TryGetValue(handle, out _);

    private static void MarkTuned(DbConnection connection)
    {
        if (NativeHandleOf(connection) is { } handle)
        {
            Tuned.AddOrUpdate(handle, Pragmas);
        }
    }
}

public static class SqliteConnectionTuningExtensions
{
    /// <summary>UseSqlite with the connection settings above.</summary>
    public static DbContextOptionsBuilder UseTunedSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString).AddInterceptors(SqliteConnectionTuning.Instance);
}
