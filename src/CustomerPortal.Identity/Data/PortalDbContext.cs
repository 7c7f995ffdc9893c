using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Identity.Data;

/// <summary>
/// The IdP's store: Identity users and roles plus OpenIddict's applications, scopes,
/// authorizations and tokens. Features depend on this type only; each database provider
/// derives from it so that it can carry its own migrations (see <see cref="Sqlite.SqlitePortalDbContext"/>).
/// </summary>
public abstract class PortalDbContext(DbContextOptions options) : IdentityDbContext<PortalUser, PortalRole, string>(options)
{
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
        });

        builder.Entity<PortalRole>(role =>
        {
            role.Property(r => r.DisplayNameJa).HasMaxLength(100);
            role.Property(r => r.DisplayNameEn).HasMaxLength(100);
        });
    }
}
