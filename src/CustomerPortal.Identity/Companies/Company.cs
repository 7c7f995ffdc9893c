using CustomerPortal.Identity.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPortal.Identity.Companies;

public enum CompanyStatus { Active = 0, Closed = 1 }

/// <summary>
/// A customer company (法人): its members are users, its machines are devices of the registry.
/// Staff set it up when they approve the first registration of the company (the guide's
/// 「御社の設定」).
/// </summary>
public class Company
{
    public int Id { get; set; }

    /// <summary>法人コード: unique, generated or entered by staff; what the apps receive as <c>company_id</c>.</summary>
    public string Code { get; set; } = "";

    /// <summary>The name as the company writes it, in Japanese (「株式会社サンプル商事」).</summary>
    public string Name { get; set; } = "";
    public string? NameKana { get; set; }
    public string? NameEn { get; set; }

    /// <summary><see cref="CompanyNames.Comparable"/> of <see cref="Name"/>, kept so duplicates are found by a query.</summary>
    public string ComparableName { get; set; } = "";

    /// <summary>Head office.</summary>
    public PostalAddress Address { get; set; } = new();
    public string? Phone { get; set; }
    public CompanyStatus Status { get; set; }

    /// <summary>For staff only; never shown to customers.</summary>
    public string? Notes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when this company was merged into another: its code still finds the survivor.</summary>
    public int? MergedIntoId { get; set; }

    public void Rename(string name)
    {
        Name = name;
        ComparableName = CompanyNames.Comparable(name);
    }
}

public sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(20);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.NameKana).HasMaxLength(200);
        builder.Property(c => c.NameEn).HasMaxLength(200);
        builder.Property(c => c.ComparableName).HasMaxLength(200);
        builder.HasIndex(c => c.ComparableName);
        builder.Property(c => c.Phone).HasMaxLength(30);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Notes).HasMaxLength(4000);
        builder.OwnsOne(c => c.Address, PostalAddressColumns.Map);
        builder.HasOne<Company>().WithMany().HasForeignKey(c => c.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
    }
}
