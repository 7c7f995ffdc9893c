using System.Security.Cryptography;
using System.Text;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Registration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Identity.Activation;

public enum LinkCheck
{
    Valid,
    Expired,
    Used,
    Unknown,
}

/// <summary>Issues and redeems the single-use links of the activation emails.</summary>
public sealed class ActivationLinks(PortalDbContext db, TimeProvider clock, IOptions<RegistrationOptions> options)
{
    /// <summary>Adds a link to the unit of work (saved with the caller's change) and returns its token.</summary>
    public string Issue(PortalUser user, LinkPurpose purpose) => Add(user, purpose).Token;

    /// <summary>
    /// An email-change link, bound to the address it is sent to and to the account's security
    /// stamp: it can make no other address the sign-in address, and a password reset or change,
    /// a lock or signing out everywhere (which change the stamp) ends it.
    /// </summary>
    public string IssueEmailChange(PortalUser user, string newEmail)
    {
        var (token, link) = Add(user, LinkPurpose.ChangeEmail);
        link.TargetEmail = newEmail;
        link.SecurityStamp = user.SecurityStamp;
        return token;
    }

    private (string Token, ActivationLink Link) Add(PortalUser user, LinkPurpose purpose)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow();
        var link = new ActivationLink
        {
            Id = Guid.NewGuid(),
            UserId = user.Id,
            Purpose = purpose,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now + Lifetime(purpose),
        };
        db.ActivationLinks.Add(link);
        return (token, link);
    }

    /// <summary>Ends the user's unused links of this purpose at once (they then read as used).</summary>
    public Task WithdrawAsync(string userId, LinkPurpose purpose)
    {
        var now = clock.GetUtcNow();
        return db.ActivationLinks.Where(l => l.UserId == userId && l.Purpose == purpose && l.UsedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.UsedAt, now));
    }

    private TimeSpan Lifetime(LinkPurpose purpose) => purpose switch
    {
        LinkPurpose.VerifyEmail => options.Value.VerifyEmailLinkLifetime,
        LinkPurpose.SetPassword => options.Value.SetPasswordLinkLifetime,
        LinkPurpose.ResetPassword => options.Value.ResetPasswordLinkLifetime,
        _ => options.Value.ChangeEmailLinkLifetime,
    };

    /// <summary>How many links of this purpose the user was sent since <paramref name="since"/>.</summary>
    public Task<int> CountIssuedAsync(string userId, LinkPurpose purpose, DateTimeOffset since) =>
        db.ActivationLinks.CountAsync(l => l.UserId == userId && l.Purpose == purpose && l.CreatedAt > since);

    /// <summary>What a token is worth, without using it up.</summary>
    public async Task<(LinkCheck Check, ActivationLink? Link)> CheckAsync(string? token, LinkPurpose purpose)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return (LinkCheck.Unknown, null);
        }
        var hash = Hash(token);
        var link = await db.ActivationLinks.SingleOrDefaultAsync(l => l.TokenHash == hash && l.Purpose == purpose);
        if (link is null)
        {
            return (LinkCheck.Unknown, null);
        }
        // A staff lock stops every link of the account, those mailed before the lock included.
        if (link.UsedAt is not null || await db.Users.AnyAsync(u => u.Id == link.UserId && u.StaffLockedAt != null))
        {
            return (LinkCheck.Used, link);
        }
        return link.ExpiresAt <= clock.GetUtcNow() ? (LinkCheck.Expired, link) : (LinkCheck.Valid, link);
    }

    /// <summary>
    /// Uses the link up, atomically: of two clicks racing, one wins. Call inside the caller's
    /// transaction so that a failure later in the change gives the link back.
    /// </summary>
    public async Task<bool> TryConsumeAsync(ActivationLink link)
    {
        var now = clock.GetUtcNow();
        var consumed = await db.ActivationLinks
            .Where(l => l.Id == link.Id && l.UsedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.UsedAt, now));
        return consumed == 1;
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(token)));
}
