using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using CustomerPortal.Identity.Security;

namespace CustomerPortal.Identity.Observability;

/// <summary>
/// /metrics tells how the portal is used (sign-ins, failures, lockouts, the paths asked for): it
/// answers only the scraper. That is a peer in Metrics:AllowedNetworks (loopback unless set), or a
/// request with "Authorization: Bearer {Metrics:BearerToken}" (no token set, no bearer accepted).
/// </summary>
public sealed class MetricsAccess
{
    public const string AllowedNetworksKey = "Metrics:AllowedNetworks";
    public const string BearerTokenKey = "Metrics:BearerToken";

    private static readonly IPNetwork[] Loopback = [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")];

    private readonly IPNetwork[] _allowedNetworks;
    private readonly byte[]? _tokenHash;

    public MetricsAccess(IConfiguration configuration)
    {
        // Set but empty: no network at all, the bearer token only.
        _allowedNetworks = configuration.GetSection(AllowedNetworksKey).Exists() ? AddressSettings.Networks(configuration, AllowedNetworksKey) : Loopback;
        _tokenHash = configuration[BearerTokenKey] is { Length: > 0 } token ? SHA256.HashData(Encoding.UTF8.GetBytes(token)) : null;
    }

    public bool Allows(HttpContext context) =>
        context.Connection.RemoteIpAddress.IsIn(_allowedNetworks) || CarriesTheToken(context.Request);

    private bool CarriesTheToken(HttpRequest request)
    {
        if (_tokenHash is null
            || !AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var authorization)
            || !string.Equals(authorization.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
            || authorization.Parameter is not { } token)
        {
            return false;
        }
        // Hashes have one length whatever was sent, so the comparison takes as long for every wrong token.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(token)), _tokenHash);
    }
}
