using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CustomerPortal.Support.Data.Postgres;

/// <summary>The PostgreSQL flavour of <see cref="SupportDbContext"/>, for several nodes; its migrations live in Data/Postgres/Migrations.</summary>
public sealed class PostgresSupportDbContext(DbContextOptions<PostgresSupportDbContext> options) : SupportDbContext(options);

/// <summary>Lets `dotnet ef migrations add X --context PostgresSupportDbContext` build the model without a database.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSupportDbContext>
{
    public PostgresSupportDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSupportDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
