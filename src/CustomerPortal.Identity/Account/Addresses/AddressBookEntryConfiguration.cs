using CustomerPortal.Identity.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPortal.Identity.Account.Addresses;

/// <summary>The address book, entries kept per user.</summary>
public sealed class AddressBookEntryConfiguration : IEntityTypeConfiguration<AddressBookEntry>
{
    public void Configure(EntityTypeBuilder<AddressBookEntry> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Label).HasMaxLength(100);
        builder.Property(e => e.Purpose).HasMaxLength(100);
        builder.Property(e => e.PostalCode).HasMaxLength(8);
        builder.Property(e => e.Prefecture).HasMaxLength(2);
        builder.Property(e => e.City).HasMaxLength(200);
        builder.Property(e => e.Street).HasMaxLength(200);
        builder.Property(e => e.Building).HasMaxLength(200);
        builder.Property(e => e.Company).HasMaxLength(200);
        builder.Property(e => e.Department).HasMaxLength(200);
        builder.Property(e => e.Recipient).HasMaxLength(200);
        builder.Property(e => e.Phone).HasMaxLength(20);
        builder.HasIndex(e => e.UserId);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
