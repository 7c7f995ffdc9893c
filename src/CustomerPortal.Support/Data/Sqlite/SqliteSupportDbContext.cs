using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CustomerPortal.Support.Data.Sqlite;

/// <summary>The SQLite flavour of <see cref="SupportDbContext"/> (the default); its migrations live in Data/Sqlite/Migrations.</summary>
public sealed class SqliteSupportDbContext(DbContextOptions<SqliteSupportDbContext> options) : SupportDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => StoreTimesAsUtcTicks(configurationBuilder);
}

/// <summary>Lets `dotnet ef migrations add X --context SqliteSupportDbContext` build the model without starting the app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSupportDbContext>
{
    public SqliteSupportDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSupportDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
