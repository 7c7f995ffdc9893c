using CustomerPortal.ServiceDefaults.SignOut;
using CustomerPortal.ServiceDefaults.Storage;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.ServiceDefaults.Hosting;

/// <summary>
/// The base of a relying app's own database: the sessions the IdP ended (back-channel logout)
/// and the app's Data Protection key ring (its cookies survive restarts and work on every node)
/// live beside the app's tables. Each app derives one context per provider, each with its own
/// migrations (SQLite by default, PostgreSQL for several nodes).
/// </summary>
public abstract class RelyingAppDbContext(DbContextOptions options) : DbContext(options), IEndedSessionsContext, IDataProtectionKeyContext
{
    public DbSet<EndedSession> EndedSessions => Set<EndedSession>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.MapEndedSessions();

    /// <summary>For the SQLite flavour: SQLite cannot compare or order DateTimeOffset values stored as text.</summary>
    protected static void StoreTimesAsUtcTicks(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
}
