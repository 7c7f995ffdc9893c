using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;

namespace CustomerPortal.Identity.Connect;

/// <summary>
/// Short-lived JWTs the IdP signs for one relying app with a key of its JWKS, outside any grant:
/// logout tokens (Back-Channel Logout 1.0) and the company queries of the staff console. Each
/// kind has its own <c>typ</c>, so that an app never takes one kind for another (RFC 8725 3.11).
/// </summary>
public sealed class IdpSignedTokens(IOptionsMonitor<OpenIddictServerOptions> serverOptions, IHttpContextAccessor http, TimeProvider clock)
{
    public string Create(string audience, string type, TimeSpan lifetime, IDictionary<string, object> claims)
    {
        var options = serverOptions.CurrentValue;
        var now = clock.GetUtcNow().UtcDateTime;
        var payload = new Dictionary<string, object>(claims)
        {
            [OpenIddictConstants.Claims.JwtId] = Guid.NewGuid().ToString("n"),
        };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer(options),
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            TokenType = type,
            SigningCredentials = options.SigningCredentials.First(credentials => credentials.Key is AsymmetricSecurityKey),
            Claims = payload,
        });
    }

    /// <summary>The issuer the app knows from its ID tokens: configured, or this request's address as OpenIddict uses it.</summary>
    private string Issuer(OpenIddictServerOptions options)
    {
        if (options.Issuer is { } configured)
        {
            return configured.AbsoluteUri;
        }
        var request = http.HttpContext?.Request ?? throw new InvalidOperationException("Set Server:Issuer to sign tokens outside a request.");
        return $"{request.Scheme}://{request.Host}{request.PathBase}/";
    }
}
