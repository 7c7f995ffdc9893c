using CustomerPortal.Identity.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPortal.Identity.Connect.Sessions;

/// <summary>IdP sessions with the clients and grants of each, removed with their session.</summary>
public sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.HasIndex(s => new { s.UserId, s.EndedAt });
        builder.HasMany(s => s.Clients).WithOne().HasForeignKey(c => c.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Grants).WithOne().HasForeignKey(g => g.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SessionClientConfiguration : IEntityTypeConfiguration<SessionClient>
{
    public void Configure(EntityTypeBuilder<SessionClient> builder)
    {
        builder.HasKey(c => new { c.SessionId, c.ClientId });
        builder.Property(c => c.ClientId).HasMaxLength(100);
    }
}

public sealed class SessionGrantConfiguration : IEntityTypeConfiguration<SessionGrant>
{
    public void Configure(EntityTypeBuilder<SessionGrant> builder)
    {
        builder.HasKey(g => new { g.SessionId, g.AuthorizationId });
        builder.Property(g => g.AuthorizationId).HasMaxLength(100);
    }
}
