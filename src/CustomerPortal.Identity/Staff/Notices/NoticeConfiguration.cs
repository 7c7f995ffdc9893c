using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPortal.Identity.Staff.Notices;

/// <summary>The notices of the sign-in page.</summary>
public sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.TitleJa).HasMaxLength(200);
        builder.Property(n => n.TitleEn).HasMaxLength(200);
        builder.Property(n => n.BodyJa).HasMaxLength(4000);
        builder.Property(n => n.BodyEn).HasMaxLength(4000);
        builder.Property(n => n.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(n => n.PublishFrom);
    }
}
