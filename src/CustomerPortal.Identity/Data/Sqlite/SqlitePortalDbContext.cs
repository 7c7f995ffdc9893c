using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CustomerPortal.Identity.Data.Sqlite;

/// <summary>The SQLite flavour of <see cref="PortalDbContext"/>; its migrations live in Data/Sqlite/Migrations.</summary>
public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite cannot compare or order DateTimeOffset values stored as text. Stored as UTC ticks
        // they compare in time order whatever offset they were written with (EF's binary
        // converter keeps local ticks, so a Japan-time value would sort nine hours late).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}

/// <summary>DateTimeOffset as UTC ticks; read back in UTC.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

/// <summary>Lets `dotnet ef migrations add X --context SqlitePortalDbContext` build the model without starting the app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePortalDbContext>()
            .UseSqlite("Data Source=design-time.db")
            .UseOpenIddict()
            .Options);
}
