using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Identity.Account.SecondFactor;

public enum StepAfterPassword { None, Code, Enrol }

/// <summary>Who is asked for a second factor after the password, who must enrol first, and who may have a browser remembered.</summary>
public sealed class SecondFactorPolicy(
    UserManager<PortalUser> users, SignInManager<PortalUser> signIn, Passkeys.AccountPasskeys passkeys, IOptions<SecondFactorOptions> options)
{
    /// <summary>
    /// The authenticator app makes every password sign-in ask for a second factor. A customer's
    /// passkey is a way to sign in without the password, not a step after it (a passkey-only
    /// customer who loses it still has the password); for accounts that must have a second factor, it is that factor.
    /// </summary>
    public async Task<StepAfterPassword> StepAfterPasswordAsync(PortalUser user)
    {
        var required = await IsRequiredForAsync(user);
        if (user.TwoFactorEnabled || (required && await passkeys.AnyAsync(user)))
        {
            return await MayRememberBrowserAsync(user) && await signIn.IsTwoFactorClientRememberedAsync(user)
                ? StepAfterPassword.None
                : StepAfterPassword.Code;
        }
        return required ? StepAfterPassword.Enrol : StepAfterPassword.None;
    }

    /// <summary>Accounts holding a role of <see cref="SecondFactorOptions.RequireSecondFactorForRoles"/> (staff and admins by default).</summary>
    public async Task<bool> IsRequiredForAsync(PortalUser user)
    {
        var roles = await users.GetRolesAsync(user);
        return options.Value.RequiredRoles.Any(required => roles.Contains(required, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>"Don't ask again on this browser" is for customers; those who must have a second factor are always asked.</summary>
    public async Task<bool> MayRememberBrowserAsync(PortalUser user) => !await IsRequiredForAsync(user);
}
