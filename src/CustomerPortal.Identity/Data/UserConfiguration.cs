using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPortal.Identity.Data;

/// <summary>The user record: Identity's columns plus the portal's, the address kept in the user's row, and the roles asked for at registration.</summary>
public sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.FamilyName).HasMaxLength(100);
        builder.Property(u => u.GivenName).HasMaxLength(100);
        builder.Property(u => u.FamilyNameKana).HasMaxLength(100);
        builder.Property(u => u.GivenNameKana).HasMaxLength(100);
        builder.Property(u => u.CompanyName).HasMaxLength(200);
        builder.Property(u => u.Locale).HasMaxLength(10);
        builder.Property(u => u.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(u => u.Department).HasMaxLength(200);
        builder.HasOne<Companies.Company>().WithMany().HasForeignKey(u => u.CompanyId).OnDelete(DeleteBehavior.Restrict);
        // Before companies existed, the reviewer's company code; read once by LegacyCompanies and then cleared.
        builder.Property<string?>(Companies.LegacyCompanies.CodeProperty).HasColumnName("CompanyCode").HasMaxLength(50);
        builder.Property(u => u.StaffLockedBy).HasMaxLength(256);
        builder.Ignore(u => u.IsStaffLocked);
        builder.Property(u => u.RegisteredSerial).HasMaxLength(7);
        builder.Property(u => u.SerialCheck).HasConversion<string>().HasMaxLength(30);
        builder.Property(u => u.ReviewedBy).HasMaxLength(256);
        builder.Property(u => u.RejectionReason).HasMaxLength(2000);
        builder.Property(u => u.PendingEmail).HasMaxLength(256);
        builder.OwnsOne(u => u.Address, PostalAddressColumns.Map);
        builder.HasMany(u => u.RequestedRoles).WithOne().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(u => new { u.Status, u.CreatedAt });
    }
}

/// <summary>A postal address kept in its owner's row (a user's, a company's head office), with plain column names.</summary>
public static class PostalAddressColumns
{
    public static void Map<TOwner>(OwnedNavigationBuilder<TOwner, PostalAddress> address)
        where TOwner : class
    {
        address.Property(a => a.PostalCode).HasMaxLength(8).HasColumnName("PostalCode");
        address.Property(a => a.Prefecture).HasMaxLength(2).HasColumnName("Prefecture");
        address.Property(a => a.City).HasMaxLength(200).HasColumnName("City");
        address.Property(a => a.Street).HasMaxLength(200).HasColumnName("Street");
        address.Property(a => a.Building).HasMaxLength(200).HasColumnName("Building");
    }
}

public sealed class RequestedRoleConfiguration : IEntityTypeConfiguration<RequestedRole>
{
    public void Configure(EntityTypeBuilder<RequestedRole> builder)
    {
        builder.HasKey(r => new { r.UserId, r.Role });
        builder.Property(r => r.Role).HasMaxLength(50);
    }
}

public sealed class PortalRoleConfiguration : IEntityTypeConfiguration<PortalRole>
{
    public void Configure(EntityTypeBuilder<PortalRole> builder)
    {
        builder.Property(r => r.DisplayNameJa).HasMaxLength(100);
        builder.Property(r => r.DisplayNameEn).HasMaxLength(100);
    }
}
