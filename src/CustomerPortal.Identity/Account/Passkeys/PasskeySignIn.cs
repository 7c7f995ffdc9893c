using CustomerPortal.Identity.Audit;
using CustomerPortal.Identity.Connect;
using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.Identity;

namespace CustomerPortal.Identity.Account.Passkeys;

/// <summary>A passkey that signed its owner in, and how it counts in <c>amr</c>.</summary>
public sealed record PasskeyProof(PortalUser User, string Method)
{
    /// <summary>
    /// The passkey alone, as the sign-in's methods: a passkey asks for the device's PIN or biometrics
    /// (user verification is required), so possession and that check make two factors.
    /// </summary>
    public IReadOnlyCollection<string> Methods => [Method, AuthenticationMethods.MultiFactor];
}

/// <summary>
/// Checks a passkey offered to sign in or to confirm a step, and records its use (the sign count
/// that reveals a cloned authenticator, and when it was last used).
/// </summary>
public sealed class PasskeySignIn(
    PasskeyCeremony ceremony, UserManager<PortalUser> users, PortalDbContext db, AuditLog audit, Observability.PortalMetrics metrics, TimeProvider clock)
{
    /// <summary>The message for a passkey that did not sign in: the user cancelled the prompt, or anything else.</summary>
    public static string ErrorKeyOf(string? browserError) => browserError == "cancelled" ? "passkey.error.cancelled" : "passkey.error.failed";

    /// <summary>
    /// What a page's passkey form posted: the browser's answer, or what went wrong in the browser
    /// (cancelled, failed), when there is nothing to check.
    /// </summary>
    public Task<PasskeyProof?> VerifyAsync(string? answer, string? browserError, PortalUser? expected) =>
        string.IsNullOrEmpty(browserError) ? VerifyAsync(answer, expected) : Task.FromResult<PasskeyProof?>(null);

    /// <param name="expected">The user the passkey must belong to (a second step, a step-up); null on the sign-in page.</param>
    public async Task<PasskeyProof?> VerifyAsync(string? answer, PortalUser? expected = null)
    {
        var result = await ceremony.AssertAsync(answer, expected);
        if (!result.Succeeded)
        {
            return await RefusedAsync(expected, result.Failure.Message);
        }
        var user = result.User;
        // Identity's lockout is not consulted: it is what strangers guessing the password cause,
        // and a passkey cannot be guessed. A lock by staff and an account not (or no longer) active are.
        if (user.IsStaffLocked || user.Status != AccountStatus.Active)
        {
            return await RefusedAsync(user, "passkey of an account that may not sign in");
        }
        if (!(await users.AddOrUpdatePasskeyAsync(user, result.Passkey)).Succeeded)
        {
            return await RefusedAsync(user, "passkey use could not be recorded");
        }
        await RecordUseAsync(result.Passkey.CredentialId);
        return new PasskeyProof(user, MethodOf(result.Passkey));
    }

    /// <summary>RFC 8176: hwk when the key cannot leave the device, swk when it is synced (backup eligible).</summary>
    public static string MethodOf(UserPasskeyInfo passkey) => passkey.IsBackupEligible ? AuthenticationMethods.SoftwareKey : AuthenticationMethods.HardwareKey;

    private async Task RecordUseAsync(byte[] credentialId)
    {
        var use = await db.PasskeyUses.FindAsync(credentialId);
        if (use is null)
        {
            use = new PasskeyUse { CredentialId = credentialId };
            db.PasskeyUses.Add(use);
        }
        use.LastUsedAt = clock.GetUtcNow();
        await db.SaveChangesAsync();
    }

    private async Task<PasskeyProof?> RefusedAsync(PortalUser? user, string details)
    {
        metrics.SignIn(succeeded: false);
        await audit.WriteAsync(AuditEventType.SignInFailed, user?.Id, user?.Email, $"passkey refused: {details}");
        return null;
    }
}
