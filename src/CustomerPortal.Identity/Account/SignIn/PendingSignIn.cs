using System.Security.Claims;
using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace CustomerPortal.Identity.Account.SignIn;

/// <summary>
/// A sign-in whose password was right but whose second factor (or enrolment) is still to come:
/// Identity's two-factor cookie names the user and the security stamp of that moment, so a
/// password reset in between ends it. Nothing else is granted until it is completed.
/// </summary>
public sealed class PendingSignIn(IHttpContextAccessor http, UserManager<PortalUser> users)
{
    private const string StampClaim = "portal_pending_stamp";

    private HttpContext Context => http.HttpContext ?? throw new InvalidOperationException("A sign-in happens within a request.");

    public async Task StartAsync(PortalUser user)
    {
        var identity = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
        // ClaimTypes.Name holds the user id, as Identity's own two-factor cookie does.
        identity.AddClaim(new Claim(ClaimTypes.Name, user.Id));
        identity.AddClaim(new Claim(StampClaim, await users.GetSecurityStampAsync(user)));
        await Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(identity));
    }

    /// <summary>The user whose password was right in this browser, or null (none, expired, or the account changed since).</summary>
    public async Task<PortalUser?> UserAsync()
    {
        var result = await Context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        if (result.Principal?.FindFirstValue(ClaimTypes.Name) is not { } id || await users.FindByIdAsync(id) is not { } user)
        {
            return null;
        }
        var stamp = result.Principal.FindFirstValue(StampClaim);
        return stamp is not null && stamp == await users.GetSecurityStampAsync(user) && user.Status == AccountStatus.Active && !user.IsStaffLocked
            ? user
            : null;
    }

    public Task EndAsync() => Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
}
