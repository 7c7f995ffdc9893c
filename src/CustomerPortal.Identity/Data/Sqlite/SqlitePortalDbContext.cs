using CustomerPortal.ServiceDefaults.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CustomerPortal.Identity.Data.Sqlite;

/// <summary>The SQLite flavour of <see cref="PortalDbContext"/>; its migrations live in Data/Sqlite/Migrations.</summary>
public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite cannot compare or order DateTimeOffset values stored as text.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}

/// <summary>Lets `dotnet ef migrations add X --context SqlitePortalDbContext` build the model without starting the app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePortalDbContext>()
            .UseSqlite("Data Source=design-time.db")
            .UseOpenIddict()
            .UseApplicationServiceProvider(DesignTimeIdentity.Services)
            .Options);
}
