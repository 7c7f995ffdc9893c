using System.Security.Claims;
using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CustomerPortal.Identity.Connect;

/// <summary>
/// Re-checks a user before any token is issued or refreshed: the account still exists, is
/// active, may sign in, is not locked out, and its security stamp is the one the grant was made with.
/// </summary>
public sealed class SignInEligibility(
    UserManager<PortalUser> users, SignInManager<PortalUser> signIn,
    IOptions<IdentityOptions> identityOptions, Sessions.BrowserSessions sessions)
{
    /// <summary>For a principal from an authorization code or a refresh token.</summary>
    public Task<PortalUser?> FromGrantAsync(ClaimsPrincipal principal) =>
        FindAsync(principal.FindFirst(Claims.Subject)?.Value, principal.FindFirst(PortalClaims.SecurityStamp)?.Value);

    /// <summary>
    /// For an access token, which carries no security stamp: revocation of the grant (stored
    /// tokens) covers a changed account, so only the account's state is checked.
    /// </summary>
    public Task<PortalUser?> FromAccessTokenAsync(ClaimsPrincipal principal) =>
        FindAsync(principal.FindFirst(Claims.Subject)?.Value, securityStamp: null, checkStamp: false);

    /// <summary>For the principal of the IdP's own sign-in cookie.</summary>
    public async Task<PortalUser?> FromSessionAsync(ClaimsPrincipal principal)
    {
        // A session ended elsewhere (sign-out, password change, staff) is over at once.
        if (principal.FindFirst(PortalClaimTypes.SessionId)?.Value is not { } sid || !await sessions.IsActiveAsync(sid))
        {
            return null;
        }
        return await FindAsync(users.GetUserId(principal), principal.FindFirst(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType)?.Value);
    }

    private async Task<PortalUser?> FindAsync(string? userId, string? securityStamp, bool checkStamp = true)
    {
        if (string.IsNullOrEmpty(userId) || await users.FindByIdAsync(userId) is not { } user)
        {
            return null;
        }
        if (user.Status != AccountStatus.Active || user.IsStaffLocked || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
        {
            return null;
        }
        if (checkStamp && (securityStamp is null || securityStamp != await users.GetSecurityStampAsync(user)))
        {
            return null;
        }
        return user;
    }
}
