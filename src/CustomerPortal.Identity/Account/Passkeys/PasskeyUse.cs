using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPortal.Identity.Account.Passkeys;

/// <summary>
/// When a passkey last signed someone in. Identity's passkey record has no such field, and the
/// account's passkey list shows it so that an owner notices a passkey they no longer use.
/// </summary>
public class PasskeyUse
{
    public byte[] CredentialId { get; set; } = [];
    public DateTimeOffset LastUsedAt { get; set; }
}

public sealed class PasskeyUseConfiguration : IEntityTypeConfiguration<PasskeyUse>
{
    public void Configure(EntityTypeBuilder<PasskeyUse> builder)
    {
        builder.HasKey(u => u.CredentialId);
        builder.Property(u => u.CredentialId).HasMaxLength(1024);
        // Removing the passkey removes its use.
        builder.HasOne<IdentityUserPasskey<string>>().WithOne().HasForeignKey<PasskeyUse>(u => u.CredentialId).OnDelete(DeleteBehavior.Cascade);
    }
}
