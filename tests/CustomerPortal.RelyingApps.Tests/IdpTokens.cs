using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CustomerPortal.RelyingApps.Tests;

/// <summary>
/// A token as the stack's IdP signs one for an app outside a grant (logout token, company query),
/// with its development key, for the tests that send the apps flawed or forged ones.
/// </summary>
internal static class IdpTokens
{
    public static string Sign(PortalStackFixture portal, string type, string audience, Dictionary<string, object> claims,
        string? issuer = null, SecurityKey? key = null, DateTime? issuedAt = null)
    {
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(portal.SigningKeyFolder, "keys", "signing.pfx"), null);
        var now = issuedAt ?? DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? portal.Identity.ToString(),
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(2),
            TokenType = type,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key ?? new X509SecurityKey(certificate), SecurityAlgorithms.RsaSha256),
        });
    }
}
