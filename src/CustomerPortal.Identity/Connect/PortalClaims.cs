namespace CustomerPortal.Identity.Connect;

/// <summary>Claims the IdP keeps to itself (the names it shares with the apps are in Contracts' PortalClaimTypes).</summary>
public static class PortalClaims
{
    /// <summary>
    /// Copy of the user's security stamp inside authorization codes and refresh tokens (never in a
    /// token a client can read): when the stamp changes (password reset, lock), the grant dies.
    /// </summary>
    public const string SecurityStamp = "portal_security_stamp";

    /// <summary>
    /// When the user last typed a password, in the sign-in cookie as Unix seconds. Set on sign-in
    /// and carried across cookie refreshes, because sliding renewal resets the cookie's own IssuedUtc.
    /// </summary>
    public const string AuthenticationTime = OpenIddict.Abstractions.OpenIddictConstants.Claims.AuthenticationTime;

    /// <summary>
    /// When the user last proved a second factor in this session (Unix seconds), at sign-in or a
    /// step-up: staff actions need one within <c>Security:StaffStepUpWindow</c>.
    /// </summary>
    public const string SecondFactorTime = "portal_second_factor_time";

    /// <summary>Every customer is in Japan.</summary>
    public const string ZoneInfo = "Asia/Tokyo";
}
