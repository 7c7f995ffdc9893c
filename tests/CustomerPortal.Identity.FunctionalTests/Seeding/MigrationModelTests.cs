using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Data.Postgres;
using CustomerPortal.Identity.Data.Sqlite;
using CustomerPortal.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Identity.FunctionalTests.Seeding;

/// <summary>
/// The migrations describe the model the portal runs with, for both databases: `dotnet ef` builds
/// the context without the app, and a model it builds differently (Identity's schema version, which
/// brings the passkey table) would make the next migration drop or miss tables.
/// </summary>
public sealed class MigrationModelTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public void TheRunningPortal_HasThePasskeyTable_AndNothingTheMigrationsLack()
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        Assert.NotNull(db.Model.FindEntityType(typeof(IdentityUserPasskey<string>)));
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void TheDesignTimeContexts_BuildTheSameModel()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);

        foreach (var db in new PortalDbContext[] { sqlite, postgres })
        {
            Assert.NotNull(db.Model.FindEntityType(typeof(IdentityUserPasskey<string>)));
            Assert.False(db.Database.HasPendingModelChanges(), $"{db.GetType().Name} differs from its migrations.");
        }
    }
}
