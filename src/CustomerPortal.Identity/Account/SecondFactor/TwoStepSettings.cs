using CustomerPortal.Identity.Audit;
using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.Identity;

namespace CustomerPortal.Identity.Account.SecondFactor;

/// <summary>
/// Turning the authenticator app on and off and renewing recovery codes: each change is audited
/// and mailed. Identity changes the security stamp with each, so the user's other sessions end;
/// the caller keeps the current one (<c>SessionCookie.RenewAsync</c>) or the pending sign-in.
/// </summary>
public sealed class TwoStepSettings(
    UserManager<PortalUser> users, AuthenticatorApp authenticator, SecondFactorMails mails, AuditLog audit, Passkeys.AccountPasskeys passkeys)
{
    public const int RecoveryCodeCount = 10;

    /// <summary>Turns the authenticator app on when <paramref name="code"/> confirms its key; returns the new recovery codes, or null.</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(PortalUser user, string? code)
    {
        if (!await authenticator.VerifyAsync(user, code))
        {
            return null;
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        mails.Notice(user, SecondFactorMails.Change.AuthenticatorOn);
        await audit.WriteAsync(AuditEventType.SecondFactorChanged, user.Id, user.Email, "authenticator app on, recovery codes issued");
        return codes;
    }

    /// <summary>Turns it off: the key is replaced (a later setup shows a new one) and the recovery codes are gone.</summary>
    public Task DisableAsync(PortalUser user) => TurnOffAsync(user, SecondFactorMails.Change.AuthenticatorOff, "authenticator app off");

    /// <summary>
    /// Staff reset a user's second factors (a lost phone and no recovery code left): as turning them
    /// off, and every passkey removed, audited with who did it; the user is told, and an account
    /// that must have one enrols again at its next sign-in.
    /// </summary>
    public async Task ResetByStaffAsync(PortalUser user)
    {
        await passkeys.RemoveAllAsync(user);
        await TurnOffAsync(user, SecondFactorMails.Change.ResetByStaff, "second factors (authenticator app, recovery codes, passkeys) reset by staff");
    }

    private async Task TurnOffAsync(PortalUser user, string change, string details)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        user.LastAuthenticatorStep = null;
        await users.UpdateAsync(user);
        mails.Notice(user, change);
        await audit.WriteAsync(AuditEventType.SecondFactorChanged, user.Id, user.Email, details);
    }

    public async Task<IReadOnlyList<string>> RenewRecoveryCodesAsync(PortalUser user)
    {
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        mails.Notice(user, SecondFactorMails.Change.RecoveryCodesRenewed);
        await audit.WriteAsync(AuditEventType.SecondFactorChanged, user.Id, user.Email, "recovery codes renewed");
        return codes;
    }

    /// <summary>Redeems one recovery code (each works once); the user is told by mail how many are left.</summary>
    public async Task<bool> RedeemRecoveryCodeAsync(PortalUser user, string? code)
    {
        var typed = (code ?? "").Normalize(System.Text.NormalizationForm.FormKC).Trim().ToUpperInvariant();
        if (typed.Length == 0 || !(await users.RedeemTwoFactorRecoveryCodeAsync(user, typed)).Succeeded)
        {
            return false;
        }
        mails.Notice(user, SecondFactorMails.Change.RecoveryCodeUsed, await users.CountRecoveryCodesAsync(user));
        await audit.WriteAsync(AuditEventType.SecondFactorChanged, user.Id, user.Email, "recovery code used");
        return true;
    }
}
