using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CustomerPortal.Identity.Data.Postgres;

/// <summary>The PostgreSQL flavour of <see cref="PortalDbContext"/> for several nodes; its migrations live in Data/Postgres/Migrations.</summary>
public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options);

/// <summary>Lets `dotnet ef migrations add X --context PostgresPortalDbContext` build the model without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPortalDbContext>
{
    public PostgresPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPortalDbContext>()
            .UseNpgsql("Host=localhost;Database=design_time")
            .UseOpenIddict()
            .UseApplicationServiceProvider(DesignTimeIdentity.Services)
            .Options);
}
