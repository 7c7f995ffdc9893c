using CustomerPortal.Identity.Account.SecondFactor;
using CustomerPortal.Identity.Audit;
using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Identity.Account.Passkeys;

/// <summary>What the passkey list shows of one passkey; never its key.</summary>
public sealed record PasskeyView(string Id, string? Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, bool Synced);

public enum PasskeyAdded { Added, Failed, TooMany }

/// <param name="Method">How the new passkey counts in <c>amr</c> (hwk or swk) when it was added.</param>
public sealed record PasskeyAddition(PasskeyAdded Outcome, string? Method = null);

/// <summary>
/// A user's passkeys, kept by Identity's passkey store: added after the browser's ceremony, named,
/// renamed and removed. Each addition and removal is audited and mailed to the owner, as changes
/// to the other second factors are.
/// </summary>
public sealed class AccountPasskeys(
    UserManager<PortalUser> users, PasskeyCeremony ceremony, PortalDbContext db, SecondFactorMails mails, AuditLog audit)
{
    /// <summary>Enough for a phone, a computer and a security key or two; more is a sign of something wrong.</summary>
    public const int MostPerAccount = 10;

    public const int NameLength = 50;

    public async Task<IReadOnlyList<PasskeyView>> ListAsync(PortalUser user)
    {
        var passkeys = await users.GetPasskeysAsync(user);
        var ids = passkeys.Select(p => p.CredentialId).ToList();
        var uses = await db.PasskeyUses.AsNoTracking().Where(u => ids.Contains(u.CredentialId)).ToListAsync();
        return
        [
            .. passkeys.OrderBy(p => p.CreatedAt).Select(p => new PasskeyView(
                WebEncoders.Base64UrlEncode(p.CredentialId), p.Name, p.CreatedAt,
                uses.FirstOrDefault(u => u.CredentialId.AsSpan().SequenceEqual(p.CredentialId))?.LastUsedAt, p.IsBackupEligible)),
        ];
    }

    public async Task<bool> AnyAsync(PortalUser user) => (await users.GetPasskeysAsync(user)).Count > 0;

    /// <summary>
    /// Stores the passkey the browser made from this browser's creation options; nothing when the
    /// browser reported that it made none (<paramref name="browserError"/>).
    /// </summary>
    public async Task<PasskeyAddition> AddAsync(PortalUser user, string? answer, string? browserError, string? name)
    {
        if (!string.IsNullOrEmpty(browserError))
        {
            return new(PasskeyAdded.Failed);
        }
        if ((await users.GetPasskeysAsync(user)).Count >= MostPerAccount)
        {
            return new(PasskeyAdded.TooMany);
        }
        var result = await ceremony.AttestAsync(user, answer);
        if (!result.Succeeded)
        {
            await audit.WriteAsync(AuditEventType.SecondFactorChanged, user.Id, user.Email, $"passkey not added: {result.Failure.Message}");
            return new(PasskeyAdded.Failed);
        }
        result.Passkey.Name = CleanName(name);
        if (!(await users.AddOrUpdatePasskeyAsync(user, result.Passkey)).Succeeded)
        {
            return new(PasskeyAdded.Failed);
        }
        mails.Notice(user, SecondFactorMails.Change.PasskeyAdded, passkeyName: result.Passkey.Name);
        await audit.WriteAsync(AuditEventType.SecondFactorChanged, user.Id, user.Email, $"passkey added: {result.Passkey.Name}");
        return new(PasskeyAdded.Added, PasskeySignIn.MethodOf(result.Passkey));
    }

    public async Task<bool> RenameAsync(PortalUser user, string? id, string? name)
    {
        if (await FindAsync(user, id) is not { } passkey)
        {
            return false;
        }
        passkey.Name = CleanName(name);
        return (await users.AddOrUpdatePasskeyAsync(user, passkey)).Succeeded;
    }

    /// <summary>
    /// Removes one passkey. The security stamp changes, so sessions elsewhere end (one may have been
    /// signed in with it); the caller keeps the current one.
    /// </summary>
    public async Task<bool> RemoveAsync(PortalUser user, string? id)
    {
        if (await FindAsync(user, id) is not { } passkey || !(await users.RemovePasskeyAsync(user, passkey.CredentialId)).Succeeded)
        {
            return false;
        }
        await users.UpdateSecurityStampAsync(user);
        mails.Notice(user, SecondFactorMails.Change.PasskeyRemoved, passkeyName: passkey.Name);
        await audit.WriteAsync(AuditEventType.SecondFactorChanged, user.Id, user.Email, $"passkey removed: {passkey.Name}");
        return true;
    }

    /// <summary>Staff reset: every passkey goes (the caller mails and audits the reset as a whole).</summary>
    public async Task RemoveAllAsync(PortalUser user)
    {
        foreach (var passkey in await users.GetPasskeysAsync(user))
        {
            await users.RemovePasskeyAsync(user, passkey.CredentialId);
        }
    }

    private async Task<UserPasskeyInfo?> FindAsync(PortalUser user, string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 2048)
        {
            return null;
        }
        byte[] credentialId;
        try
        {
            credentialId = WebEncoders.Base64UrlDecode(id);
        }
        catch (FormatException)
        {
            return null;
        }
        return await users.GetPasskeyAsync(user, credentialId);
    }

    private static string? CleanName(string? name)
    {
        var clean = new string([.. InputText.Normalize(name).Where(c => !char.IsControl(c))]);
        return clean.Length == 0 ? null : clean[..Math.Min(clean.Length, NameLength)];
    }
}
