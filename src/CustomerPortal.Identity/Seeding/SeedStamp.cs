using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPortal.Identity.Seeding;

/// <summary>
/// What seed/ looked like when it was last applied to this database (<see cref="SeedDigest"/>).
/// One row: a Development start that finds the same digest skips seeding, whose password hashes
/// took most of the start.
/// </summary>
public class SeedStamp
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public string Digest { get; set; } = "";
    public DateTimeOffset AppliedAt { get; set; }
}

public sealed class SeedStampConfiguration : IEntityTypeConfiguration<SeedStamp>
{
    public void Configure(EntityTypeBuilder<SeedStamp> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Digest).HasMaxLength(64);
    }
}
