using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CustomerPortal.Ordering.Data.Sqlite;

/// <summary>The SQLite flavour of <see cref="OrderingDbContext"/> (the default); its migrations live in Data/Sqlite/Migrations.</summary>
public sealed class SqliteOrderingDbContext(DbContextOptions<SqliteOrderingDbContext> options) : OrderingDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => StoreTimesAsUtcTicks(configurationBuilder);
}

/// <summary>Lets `dotnet ef migrations add X --context SqliteOrderingDbContext` build the model without starting the app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOrderingDbContext>
{
    public SqliteOrderingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteOrderingDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
