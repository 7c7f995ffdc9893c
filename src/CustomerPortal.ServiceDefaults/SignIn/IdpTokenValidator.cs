using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CustomerPortal.ServiceDefaults.SignIn;

/// <summary>
/// Validates a JWT the IdP signed for this app outside any grant (a logout token, a company query):
/// signed with a key of the IdP's JWKS, issued by the IdP this app signs in with, for this client,
/// of the one <c>typ</c> the caller expects (so one kind is never taken for another), and fresh.
/// </summary>
public sealed class IdpTokenValidator(IOptionsMonitor<OpenIdConnectOptions> oidc, PortalSignInOptions settings)
{
    /// <summary>The token, or the reason it is refused.</summary>
    public async Task<(JsonWebToken? Token, string? Error)> ValidateAsync(string token, string type, CancellationToken cancellationToken)
    {
        var options = oidc.Get(OpenIdConnectDefaults.AuthenticationScheme);
        var configuration = await options.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = settings.ClientId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidTypes = [type],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromMinutes(2),
        });
        return result.IsValid
            ? ((JsonWebToken)result.SecurityToken, null)
            : (null, result.Exception?.GetType().Name ?? "invalid token");
    }
}
