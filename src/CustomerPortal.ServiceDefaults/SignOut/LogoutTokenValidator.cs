using System.Text.Json;
using CustomerPortal.ServiceDefaults.SignIn;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CustomerPortal.ServiceDefaults.SignOut;

/// <summary>What a valid logout token says.</summary>
public sealed record LogoutNotice(string TokenId, string? SessionId, string? Subject);

/// <summary>
/// Validates a logout token as OpenID Connect Back-Channel Logout 1.0 section 2.6 requires:
/// signed by the IdP with a key from its JWKS, issued by it, for this client, fresh, typed
/// logout+jwt, carrying the back-channel logout event and a sid (this app registers
/// backchannel_logout_session_required), a jti, and no nonce.
/// </summary>
public sealed class LogoutTokenValidator(IdpTokenValidator tokens)
{
    public const string BackChannelLogoutEvent = "http://schemas.openid.net/event/backchannel-logout";

    /// <summary>The notice, or the reason the token is refused.</summary>
    public async Task<(LogoutNotice? Notice, string? Error)> ValidateAsync(string logoutToken, CancellationToken cancellationToken)
    {
        var (token, error) = await tokens.ValidateAsync(logoutToken, "logout+jwt", cancellationToken);
        if (token is null)
        {
            return (null, error);
        }
        if (!token.TryGetPayloadValue<JsonElement>("events", out var events) || events.ValueKind != JsonValueKind.Object
            || !events.TryGetProperty(BackChannelLogoutEvent, out var logoutEvent) || logoutEvent.ValueKind != JsonValueKind.Object)
        {
            return (null, "the back-channel logout event is missing");
        }
        if (token.TryGetPayloadValue<object>("nonce", out _))
        {
            return (null, "a logout token must not carry a nonce");
        }
        if (!token.TryGetPayloadValue<long>("iat", out _))
        {
            return (null, "iat is missing");
        }
        var tokenId = token.TryGetPayloadValue<string>("jti", out var jti) && jti.Length > 0 ? jti : null;
        if (tokenId is null)
        {
            return (null, "jti is missing");
        }
        var sessionId = token.TryGetPayloadValue<string>(PortalClaimTypes.SessionId, out var sid) && sid.Length > 0 ? sid : null;
        if (sessionId is null)
        {
            return (null, "sid is missing");
        }
        var subject = token.TryGetPayloadValue<string>(PortalClaimTypes.Subject, out var sub) && sub.Length > 0 ? sub : null;
        return (new LogoutNotice(tokenId, sessionId, subject), null);
    }
}
