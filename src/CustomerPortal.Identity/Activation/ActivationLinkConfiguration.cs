using CustomerPortal.Identity.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPortal.Identity.Activation;

/// <summary>Emailed links: only the token's hash is stored, and it is unique.</summary>
public sealed class ActivationLinkConfiguration : IEntityTypeConfiguration<ActivationLink>
{
    public void Configure(EntityTypeBuilder<ActivationLink> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Purpose).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.TokenHash).HasMaxLength(64);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.Property(l => l.TargetEmail).HasMaxLength(256);
        builder.Property(l => l.SecurityStamp).HasMaxLength(256);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
