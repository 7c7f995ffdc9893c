using System.Data.Common;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Data.Postgres;
using CustomerPortal.Identity.Data.Sqlite;
using CustomerPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerPortal.Identity.FunctionalTests.Companies;

/// <summary>
/// A database of this test's own, on the storage of the test pass (PostgreSQL when tests/run sets
/// PORTAL_TEST_POSTGRES, else a SQLite file), migrated up to a named point, with rows written as
/// that schema had them: the columns a row leaves out get the zero of their type.
/// </summary>
internal sealed class LegacyDatabase : IAsyncDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"legacy-{Guid.NewGuid():n}.db");

    public LegacyDatabase()
    {
        // Identity's options as the portal sets them (the passkey table belongs to the schema).
        var identity = DesignTimeIdentity.Services;
        Db = PortalFactory.Postgres is { } server
            ? new PostgresPortalDbContext(new DbContextOptionsBuilder<PostgresPortalDbContext>()
                .UseNpgsql($"{server};Database=legacy_{Guid.NewGuid():n}").UseOpenIddict().UseApplicationServiceProvider(identity).Options)
            : new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>()
                .UseSqlite($"Data Source={_file};Pooling=false").UseOpenIddict().UseApplicationServiceProvider(identity).Options);
    }

    public PortalDbContext Db { get; }

    /// <summary>Migrates up to the migration just before the one whose name ends in <paramref name="nextMigration"/>.</summary>
    public async Task MigrateToJustBeforeAsync(string nextMigration)
    {
        var all = Db.Database.GetMigrations().ToList();
        var next = all.FindIndex(m => m.EndsWith("_" + nextMigration, StringComparison.Ordinal));
        Assert.True(next > 0, $"no migration {nextMigration}");
        await Db.GetService<IMigrator>().MigrateAsync(all[next - 1]);
    }

    public async Task InsertAsync(string table, Dictionary<string, object?> values)
    {
        var connection = Db.Database.GetDbConnection();
        await Db.Database.OpenConnectionAsync();
        var row = new Dictionary<string, object?>(values);
        foreach (var (column, type) in await RequiredColumnsAsync(connection, table))
        {
            row.TryAdd(column, ZeroOf(type));
        }
        await using var command = connection.CreateCommand();
        var names = row.Keys.ToList();
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) "
            + $"VALUES ({string.Join(", ", names.Select((_, i) => $"@p{i}"))})";
        for (var i = 0; i < names.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.Value = row[names[i]] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        await command.ExecuteNonQueryAsync();
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        var connection = Db.Database.GetDbConnection();
        await Db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    private async Task<List<(string Column, string Type)>> RequiredColumnsAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Db.Database.IsNpgsql()
            ? $"SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '{table}' AND is_nullable = 'NO' AND column_default IS NULL"
            : $"SELECT name, type FROM pragma_table_info('{table}') WHERE \"notnull\" = 1 AND dflt_value IS NULL AND pk = 0";
        var columns = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add((reader.GetString(0), reader.GetString(1).ToLowerInvariant()));
        }
        return columns;
    }

    private static object ZeroOf(string type) =>
        type.Contains("int", StringComparison.Ordinal) ? 0
        : type.Contains("bool", StringComparison.Ordinal) ? false
        : type.Contains("timestamp", StringComparison.Ordinal) ? DateTime.UtcNow
        : type.Contains("blob", StringComparison.Ordinal) || type.Contains("bytea", StringComparison.Ordinal) ? Array.Empty<byte>()
        : "";

    public async ValueTask DisposeAsync()
    {
        if (Db.Database.IsNpgsql())
        {
            await Db.Database.EnsureDeletedAsync();
        }
        await Db.DisposeAsync();
        try { File.Delete(_file); } catch (IOException) { }
    }
}
