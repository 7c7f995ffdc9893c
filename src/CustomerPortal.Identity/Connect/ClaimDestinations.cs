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

    /// <summary>What describes the user: in ID and access tokens, and in userinfo, as the scopes allow.</summary>
    private static readonly HashSet<string> AboutTheUser =
    [
        Claims.Subject, Claims.Name, Claims.FamilyName, Claims.GivenName, Claims.Locale, Claims.Zoneinfo,
        PortalClaimTypes.FamilyNameKana, PortalClaimTypes.GivenNameKana,
        Claims.Email, Claims.EmailVerified, Claims.PhoneNumber, Claims.PhoneNumberVerified, Claims.Address,
        Claims.Role, PortalClaimTypes.CompanyId, PortalClaimTypes.CompanyName, PortalClaimTypes.CompanyFormerIds,
        PortalClaimTypes.MachineSerial, PortalClaimTypes.MachineModel,
    ];

    /// <summary>When and how the user authenticated and in which session: for the client (max_age, acr_values, logout), not for an API.</summary>
    private static readonly HashSet<string> AboutTheSession =
        [Claims.AuthenticationTime, PortalClaimTypes.SessionId, Claims.AuthenticationMethodReference, Claims.AuthenticationContextReference];

    /// <summary>Every claim a client can receive, as discovery lists them (claims_supported).</summary>
    public static IEnumerable<string> Published => AboutTheUser.Concat(AboutTheSession);

    public static IEnumerable<string> For(Claim claim) =>
        AboutTheUser.Contains(claim.Type) ? Both
        : AboutTheSession.Contains(claim.Type) ? IdentityTokenOnly
        // A client acting for itself: its name is for the API it calls.
        : claim.Type == Claims.ClientId ? AccessTokenOnly
        // Everything else (the security stamp above all) stays inside codes and refresh tokens.
        : [];

    /// <summary>Claims the userinfo endpoint may return: what describes the user, not the session.</summary>
    public static bool IsUserInfo(Claim claim) => AboutTheUser.Contains(claim.Type);

    /// <summary>Claims that are lists even when they hold one value, so apps can rely on the JSON type.</summary>
    public static bool IsMultiValued(string type) =>
        type is Claims.Role or PortalClaimTypes.CompanyFormerIds or PortalClaimTypes.MachineSerial or PortalClaimTypes.MachineModel;
}
