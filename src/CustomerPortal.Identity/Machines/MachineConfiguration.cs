using CustomerPortal.Identity.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPortal.Identity.Machines;

/// <summary>The device registry and the machines on each account.</summary>
public sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> builder)
    {
        builder.HasKey(d => d.Serial);
        builder.Property(d => d.Serial).HasMaxLength(7);
        builder.Property(d => d.Model).HasMaxLength(100);
        builder.HasOne<Companies.Company>().WithMany().HasForeignKey(d => d.CompanyId).OnDelete(DeleteBehavior.Restrict);
        // Before companies existed, the company as two strings; read once by LegacyCompanies and then cleared.
        builder.Property<string?>(Companies.LegacyCompanies.CodeProperty).HasColumnName("CompanyCode").HasMaxLength(50);
        builder.Property<string?>(Companies.LegacyCompanies.NameProperty).HasColumnName("CompanyName").HasMaxLength(200);
    }
}

public sealed class UserMachineConfiguration : IEntityTypeConfiguration<UserMachine>
{
    public void Configure(EntityTypeBuilder<UserMachine> builder)
    {
        builder.HasKey(m => new { m.UserId, m.Serial });
        builder.Property(m => m.Serial).HasMaxLength(7);
        builder.Property(m => m.Check).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
