using CustomerPortal.Identity.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerPortal.Identity.Account.SignIn;

/// <summary>
/// A browser that has signed in to an account with its password (OWASP's device cookie): the
/// browser holds <see cref="Id"/> in a signed cookie. Wrong passwords typed in it count here, not
/// toward the account's lockout, so strangers who lock the account out do not lock out its owner.
/// </summary>
public class KnownBrowser
{
    /// <summary>Random, 128 bits: what the browser's cookie names.</summary>
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastSignInAt { get; set; }

    /// <summary>Wrong passwords typed in this browser since its last sign-in.</summary>
    public int FailedAttempts { get; set; }

    /// <summary>Until when this browser may not try again, after too many wrong passwords.</summary>
    public DateTimeOffset? WaitUntil { get; set; }
}

public sealed class KnownBrowserConfiguration : IEntityTypeConfiguration<KnownBrowser>
{
    public void Configure(EntityTypeBuilder<KnownBrowser> builder)
    {
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).HasMaxLength(64);
        builder.HasIndex(b => new { b.UserId, b.LastSignInAt });
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
