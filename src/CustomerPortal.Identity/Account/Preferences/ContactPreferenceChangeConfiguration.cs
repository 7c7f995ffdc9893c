using CustomerPortal.Identity.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPortal.Identity.Account.Preferences;

/// <summary>The record of every change of the contact preferences.</summary>
public sealed class ContactPreferenceChangeConfiguration : IEntityTypeConfiguration<ContactPreferenceChange>
{
    public void Configure(EntityTypeBuilder<ContactPreferenceChange> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Preference).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Channel).HasMaxLength(30);
        builder.HasIndex(c => new { c.UserId, c.ChangedAt });
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
