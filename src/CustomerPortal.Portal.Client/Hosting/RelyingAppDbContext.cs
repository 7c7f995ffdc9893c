using CustomerPortal.Portal.Client.SignOut;
using CustomerPortal.Portal.Client.Storage;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Portal.Client.Hosting;

/// <summary>
/// The base of a relying app's own SQLite database: the sessions the IdP ended (back-channel
/// logout) and the app's Data Protection key ring (its cookies survive restarts) live beside the
/// app's tables.
/// </summary>
public abstract class RelyingAppDbContext(DbContextOptions options) : DbContext(options), IEndedSessionsContext, IDataProtectionKeyContext
{
    public DbSet<EndedSession> EndedSessions => Set<EndedSession>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        // SQLite cannot compare or order DateTimeOffset values stored as text.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.MapEndedSessions();
}
