using CustomerPortal.Identity.Account.Addresses;
using CustomerPortal.Identity.Account.Preferences;
using CustomerPortal.Identity.Activation;
using CustomerPortal.Identity.Machines;
using CustomerPortal.ServiceDefaults.Mail;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Identity.Data;

/// <summary>
/// The IdP's store: Identity users and roles plus OpenIddict's applications, scopes,
/// authorizations and tokens. Features depend on this type only; each database provider
/// derives from it so that it can carry its own migrations (see <see cref="Sqlite.SqlitePortalDbContext"/>).
/// </summary>
public abstract class PortalDbContext(DbContextOptions options)
    : IdentityDbContext<PortalUser, PortalRole, string>(options), IDataProtectionKeyContext, IMailOutboxContext
{
    /// <summary>ASP.NET Core Data Protection keys, shared by every node: cookies, antiforgery tokens and links work on all of them.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<RequestedRole> RequestedRoles => Set<RequestedRole>();
    public DbSet<Device> Devices => Set<Device>();
    public DbSet<UserMachine> UserMachines => Set<UserMachine>();
    public DbSet<ActivationLink> ActivationLinks => Set<ActivationLink>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<AddressBookEntry> AddressBook => Set<AddressBookEntry>();
    public DbSet<ContactPreferenceChange> ContactPreferenceChanges => Set<ContactPreferenceChange>();
    public DbSet<Audit.AuditEvent> AuditEvents => Set<Audit.AuditEvent>();
    public DbSet<Staff.Notices.Notice> Notices => Set<Staff.Notices.Notice>();
    public DbSet<Connect.Sessions.UserSession> UserSessions => Set<Connect.Sessions.UserSession>();
    public DbSet<Connect.Sessions.SessionClient> SessionClients => Set<Connect.Sessions.SessionClient>();
    public DbSet<Connect.Sessions.SessionGrant> SessionGrants => Set<Connect.Sessions.SessionGrant>();
    public DbSet<Maintenance.MaintenanceState> Maintenance => Set<Maintenance.MaintenanceState>();
    public DbSet<Account.SignIn.KnownBrowser> KnownBrowsers => Set<Account.SignIn.KnownBrowser>();
    public DbSet<Account.Passkeys.PasskeyUse> PasskeyUses => Set<Account.Passkeys.PasskeyUse>();
    public DbSet<Companies.Company> Companies => Set<Companies.Company>();
    public DbSet<Seeding.SeedStamp> SeedStamps => Set<Seeding.SeedStamp>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();

        // Each feature configures its own entities (IEntityTypeConfiguration beside the entity);
        // the mail outbox is shared with the support app and mapped by ServiceDefaults.
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        builder.MapMailOutbox();
        // The IdP counts recent mails per recipient and kind (Mail.MailCap) on every request that could send one.
        builder.Entity<ServiceDefaults.Mail.OutboxMessage>().HasIndex(m => new { m.Recipient, m.Template, m.CreatedAt });
    }
}
