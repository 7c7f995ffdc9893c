using CustomerPortal.Identity.Account.Addresses;
using CustomerPortal.Identity.Account.Preferences;
using CustomerPortal.Identity.Activation;
using CustomerPortal.Identity.Machines;
using CustomerPortal.Identity.Mail;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Identity.Data;

/// <summary>
/// The IdP's store: Identity users and roles plus OpenIddict's applications, scopes,
/// authorizations and tokens. Features depend on this type only; each database provider
/// derives from it so that it can carry its own migrations (see <see cref="Sqlite.SqlitePortalDbContext"/>).
/// </summary>
public abstract class PortalDbContext(DbContextOptions options) : IdentityDbContext<PortalUser, PortalRole, string>(options), IDataProtectionKeyContext
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
    public DbSet<Staff.Audit.AuditEvent> AuditEvents => Set<Staff.Audit.AuditEvent>();
    public DbSet<Staff.Notices.Notice> Notices => Set<Staff.Notices.Notice>();
    public DbSet<Connect.Sessions.UserSession> UserSessions => Set<Connect.Sessions.UserSession>();
    public DbSet<Connect.Sessions.SessionClient> SessionClients => Set<Connect.Sessions.SessionClient>();
    public DbSet<Connect.Sessions.SessionGrant> SessionGrants => Set<Connect.Sessions.SessionGrant>();
    public DbSet<Maintenance.MaintenanceState> Maintenance => Set<Maintenance.MaintenanceState>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();

        builder.Entity<PortalUser>(user =>
        {
            user.Property(u => u.FamilyName).HasMaxLength(100);
            user.Property(u => u.GivenName).HasMaxLength(100);
            user.Property(u => u.FamilyNameKana).HasMaxLength(100);
            user.Property(u => u.GivenNameKana).HasMaxLength(100);
            user.Property(u => u.CompanyName).HasMaxLength(200);
            user.Property(u => u.Locale).HasMaxLength(10);
            user.Property(u => u.Status).HasConversion<string>().HasMaxLength(20);
            user.Property(u => u.Department).HasMaxLength(200);
            user.Property(u => u.CompanyCode).HasMaxLength(50);
            user.Property(u => u.StaffLockedBy).HasMaxLength(256);
            user.Ignore(u => u.IsStaffLocked);
            user.Property(u => u.RegisteredSerial).HasMaxLength(7);
            user.Property(u => u.SerialCheck).HasConversion<string>().HasMaxLength(30);
            user.Property(u => u.ReviewedBy).HasMaxLength(256);
            user.Property(u => u.RejectionReason).HasMaxLength(2000);
            user.Property(u => u.PendingEmail).HasMaxLength(256);
            user.OwnsOne(u => u.Address, address =>
            {
                address.Property(a => a.PostalCode).HasMaxLength(8).HasColumnName("PostalCode");
                address.Property(a => a.Prefecture).HasMaxLength(2).HasColumnName("Prefecture");
                address.Property(a => a.City).HasMaxLength(200).HasColumnName("City");
                address.Property(a => a.Street).HasMaxLength(200).HasColumnName("Street");
                address.Property(a => a.Building).HasMaxLength(200).HasColumnName("Building");
            });
            user.HasMany(u => u.RequestedRoles).WithOne().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
            user.HasIndex(u => new { u.Status, u.CreatedAt });
        });

        builder.Entity<RequestedRole>(role =>
        {
            role.HasKey(r => new { r.UserId, r.Role });
            role.Property(r => r.Role).HasMaxLength(50);
        });

        builder.Entity<Device>(device =>
        {
            device.HasKey(d => d.Serial);
            device.Property(d => d.Serial).HasMaxLength(7);
            device.Property(d => d.Model).HasMaxLength(100);
            device.Property(d => d.CompanyCode).HasMaxLength(50);
            device.Property(d => d.CompanyName).HasMaxLength(200);
        });

        builder.Entity<UserMachine>(machine =>
        {
            machine.HasKey(m => new { m.UserId, m.Serial });
            machine.Property(m => m.Serial).HasMaxLength(7);
            machine.Property(m => m.Check).HasConversion<string>().HasMaxLength(30);
            machine.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ActivationLink>(link =>
        {
            link.HasKey(l => l.Id);
            link.Property(l => l.Purpose).HasConversion<string>().HasMaxLength(20);
            link.Property(l => l.TokenHash).HasMaxLength(64);
            link.HasIndex(l => l.TokenHash).IsUnique();
            link.Property(l => l.TargetEmail).HasMaxLength(256);
            link.Property(l => l.SecurityStamp).HasMaxLength(256);
            link.HasOne<PortalUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AddressBookEntry>(entry =>
        {
            entry.HasKey(e => e.Id);
            entry.Property(e => e.Label).HasMaxLength(100);
            entry.Property(e => e.Purpose).HasMaxLength(100);
            entry.Property(e => e.PostalCode).HasMaxLength(8);
            entry.Property(e => e.Prefecture).HasMaxLength(2);
            entry.Property(e => e.City).HasMaxLength(200);
            entry.Property(e => e.Street).HasMaxLength(200);
            entry.Property(e => e.Building).HasMaxLength(200);
            entry.Property(e => e.Company).HasMaxLength(200);
            entry.Property(e => e.Department).HasMaxLength(200);
            entry.Property(e => e.Recipient).HasMaxLength(200);
            entry.Property(e => e.Phone).HasMaxLength(20);
            entry.HasIndex(e => e.UserId);
            entry.HasOne<PortalUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ContactPreferenceChange>(change =>
        {
            change.HasKey(c => c.Id);
            change.Property(c => c.Preference).HasConversion<string>().HasMaxLength(30);
            change.Property(c => c.Channel).HasMaxLength(30);
            change.HasIndex(c => new { c.UserId, c.ChangedAt });
            change.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Staff.Audit.AuditEvent>(audit =>
        {
            audit.HasKey(e => e.Id);
            audit.Property(e => e.Type).HasConversion<string>().HasMaxLength(40);
            audit.Property(e => e.UserId).HasMaxLength(450);
            audit.Property(e => e.Email).HasMaxLength(256);
            audit.Property(e => e.Actor).HasMaxLength(256);
            audit.Property(e => e.ClientAddress).HasMaxLength(64);
            audit.Property(e => e.Details).HasMaxLength(500);
            audit.HasIndex(e => e.At);
            audit.HasIndex(e => new { e.UserId, e.At });
        });

        builder.Entity<Connect.Sessions.UserSession>(session =>
        {
            session.HasKey(s => s.Id);
            session.Property(s => s.Id).HasMaxLength(64);
            session.HasIndex(s => new { s.UserId, s.EndedAt });
            session.HasMany(s => s.Clients).WithOne().HasForeignKey(c => c.SessionId).OnDelete(DeleteBehavior.Cascade);
            session.HasMany(s => s.Grants).WithOne().HasForeignKey(g => g.SessionId).OnDelete(DeleteBehavior.Cascade);
            session.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Connect.Sessions.SessionClient>(client =>
        {
            client.HasKey(c => new { c.SessionId, c.ClientId });
            client.Property(c => c.ClientId).HasMaxLength(100);
        });

        builder.Entity<Connect.Sessions.SessionGrant>(grant =>
        {
            grant.HasKey(g => new { g.SessionId, g.AuthorizationId });
            grant.Property(g => g.AuthorizationId).HasMaxLength(100);
        });

        builder.Entity<Staff.Notices.Notice>(notice =>
        {
            notice.HasKey(n => n.Id);
            notice.Property(n => n.TitleJa).HasMaxLength(200);
            notice.Property(n => n.TitleEn).HasMaxLength(200);
            notice.Property(n => n.BodyJa).HasMaxLength(4000);
            notice.Property(n => n.BodyEn).HasMaxLength(4000);
            notice.Property(n => n.UpdatedBy).HasMaxLength(256);
            notice.HasIndex(n => n.PublishFrom);
        });

        builder.Entity<Maintenance.MaintenanceState>(state =>
        {
            state.HasKey(m => m.Id);
            state.Property(m => m.MessageJa).HasMaxLength(2000);
            state.Property(m => m.MessageEn).HasMaxLength(2000);
            state.Property(m => m.ChangedBy).HasMaxLength(256);
        });

        builder.Entity<OutboxMessage>(message =>
        {
            message.HasKey(m => m.Id);
            message.Property(m => m.Template).HasMaxLength(50);
            message.Property(m => m.Recipient).HasMaxLength(256);
            message.Property(m => m.Subject).HasMaxLength(500);
            message.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
            message.Property(m => m.LastError).HasMaxLength(1000);
            message.HasIndex(m => new { m.Status, m.NextAttemptAt });
        });

        builder.Entity<PortalRole>(role =>
        {
            role.Property(r => r.DisplayNameJa).HasMaxLength(100);
            role.Property(r => r.DisplayNameEn).HasMaxLength(100);
        });
    }
}
