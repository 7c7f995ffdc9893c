using System.Security.Claims;
using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CustomerPortal.Identity.Connect;

/// <summary>
/// Re-checks a user before any token is issued or refreshed: the account still exists, is
/// active, may sign in, is not locked by staff, and its security stamp is the one the grant was made with.
/// </summary>
/// <remarks>
/// Identity's lockout after wrong passwords is deliberately not checked: it refuses password
/// attempts from browsers the account does not know (Account.SignIn.PasswordSignIn), and must
/// not end the owner's sessions and grants, or anyone knowing the address could sign them out of
/// every app with five posts. A lock by staff does end them.
/// </remarks>
public sealed class SignInEligibility(
    UserManager<PortalUser> users, SignInManager<PortalUser> signIn,
    IOptions<IdentityOptions> identityOptions)
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

    /// <summary>
    /// For the principal of the IdP's own sign-in cookie. Whether its session is still open was
    /// checked when the cookie was read (Sessions.SessionCookie), once per request.
    /// </summary>
    public Task<PortalUser?> FromSessionAsync(ClaimsPrincipal principal) =>
        FindAsync(users.GetUserId(principal), principal.FindFirst(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType)?.Value);

    private async Task<PortalUser?> FindAsync(string? userId, string? securityStamp, bool checkStamp = true)
    {
        if (string.IsNullOrEmpty(userId) || await users.FindByIdAsync(userId) is not { } user)
        {
            return null;
        }
        if (user.Status != AccountStatus.Active || user.IsStaffLocked || !await signIn.CanSignInAsync(user))
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
