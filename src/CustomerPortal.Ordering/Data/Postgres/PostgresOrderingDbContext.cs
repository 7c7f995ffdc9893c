using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CustomerPortal.Ordering.Data.Postgres;

/// <summary>The PostgreSQL flavour of <see cref="OrderingDbContext"/>, for several nodes; its migrations live in Data/Postgres/Migrations.</summary>
public sealed class PostgresOrderingDbContext(DbContextOptions<PostgresOrderingDbContext> options) : OrderingDbContext(options);

/// <summary>Lets `dotnet ef migrations add X --context PostgresOrderingDbContext` build the model without a database.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresOrderingDbContext>
{
    public PostgresOrderingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresOrderingDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
