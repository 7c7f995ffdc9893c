using System.Security.Claims;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CustomerPortal.Identity.Connect;

/// <summary>
/// The one place that decides which token carries which claim. The principal factory adds a
/// claim only when the granted scopes allow it, so here a claim's type alone decides.
/// </summary>
public static class ClaimDestinations
{
    private static readonly string[] Both = [Destinations.AccessToken, Destinations.IdentityToken];
    private static readonly string[] IdentityTokenOnly = [Destinations.IdentityToken];
    private static readonly string[] AccessTokenOnly = [Destinations.AccessToken];

    public static IEnumerable<string> For(Claim claim) => claim.Type switch
    {
        Claims.Subject or Claims.Name or Claims.FamilyName or Claims.GivenName or Claims.Locale or Claims.Zoneinfo
            or PortalClaims.FamilyNameKana or PortalClaims.GivenNameKana
            or Claims.Email or Claims.EmailVerified or Claims.PhoneNumber or Claims.PhoneNumberVerified or Claims.Address
            or Claims.Role or PortalClaims.CompanyName or PortalClaims.MachineSerial or PortalClaims.MachineModel => Both,

        // When the user authenticated matters to the client (max_age), not to an API.
        Claims.AuthenticationTime or PortalClaims.SessionId => IdentityTokenOnly,

        // A client acting for itself: its name is for the API it calls.
        Claims.ClientId => AccessTokenOnly,

        // Everything else (the security stamp above all) stays inside codes and refresh tokens.
        _ => [],
    };

    /// <summary>Claims the userinfo endpoint may return: what describes the user, not the session.</summary>
    public static bool IsUserInfo(Claim claim) => claim.Type is not (Claims.AuthenticationTime or Claims.ClientId or PortalClaims.SecurityStamp or PortalClaims.SessionId)
        && For(claim).Contains(Destinations.IdentityToken);

    /// <summary>Claims that are lists even when they hold one value, so apps can rely on the JSON type.</summary>
    public static bool IsMultiValued(string type) => type is Claims.Role or PortalClaims.MachineSerial or PortalClaims.MachineModel;
}
