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
        Claims.Subject or Claims.Name or Claims.FamilyName or Claims.GivenName or Claims.Locale
            or Claims.Email or Claims.EmailVerified or Claims.Role => Both,

        // When the user authenticated matters to the client (max_age), not to an API.
        Claims.AuthenticationTime => IdentityTokenOnly,

        // A client acting for itself: its name is for the API it calls.
        Claims.ClientId => AccessTokenOnly,

        // Everything else (the security stamp above all) stays inside codes and refresh tokens.
        _ => [],
    };

    /// <summary>Claims the userinfo endpoint may return: what describes the user, not the session.</summary>
    public static bool IsUserInfo(Claim claim) => claim.Type is Claims.Subject or Claims.Name or Claims.FamilyName
        or Claims.GivenName or Claims.Locale or Claims.Email or Claims.EmailVerified or Claims.Role;
}
