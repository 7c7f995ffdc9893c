using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPortal.Identity.Maintenance;

/// <summary>The maintenance switch, one row shared by every node.</summary>
public sealed class MaintenanceStateConfiguration : IEntityTypeConfiguration<MaintenanceState>
{
    public void Configure(EntityTypeBuilder<MaintenanceState> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.MessageJa).HasMaxLength(2000);
        builder.Property(m => m.MessageEn).HasMaxLength(2000);
        builder.Property(m => m.ChangedBy).HasMaxLength(256);
    }
}
