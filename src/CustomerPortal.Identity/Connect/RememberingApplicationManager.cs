using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;

namespace CustomerPortal.Identity.Connect;

/// <summary>
/// OpenIddict's application manager, except that a client secret proven once is not proven again
/// with PBKDF2 on every token request.
/// </summary>
/// <remarks>
/// Secrets stay PBKDF2-hashed in the database (a stolen database still yields nothing). The slow
/// hash protects low-entropy passwords; a client presenting the same secret again gains nothing
/// from it, and at ≈ 7 ms per request it was the largest single cost of the token endpoint.
/// After one successful check, the pair (stored hash, SHA-256 of the presented secret) is
/// remembered in memory; later requests compare SHA-256 digests only. A different secret, or a
/// changed stored hash (a new secret from seed/), misses the memory and goes through PBKDF2 again.
/// Failed checks are never remembered, so guessing stays as slow as before.
/// </remarks>
public sealed class RememberingApplicationManager(
    IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication> cache,
    ILogger<OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<OpenIddictEntityFrameworkCoreApplication> store)
    : OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>(cache, logger, options, store)
{
    protected override async ValueTask<bool> ValidateClientSecretAsync(string secret, string comparand, CancellationToken cancellationToken = default)
    {
        var proof = ProvenSecrets.Key(secret, comparand);
        if (ProvenSecrets.Contains(proof))
        {
            return true;
        }

        if (!await base.ValidateClientSecretAsync(secret, comparand, cancellationToken))
        {
            return false;
        }
        ProvenSecrets.Remember(proof);
        return true;
    }
}

/// <summary>The process-wide memory of secrets already verified against their stored hash.</summary>
internal static class ProvenSecrets
{
    // One entry per client and secret in use; the bound only stops a flood of rotating secrets.
    private const int Capacity = 1024;
    private static readonly ConcurrentDictionary<string, byte> Proven = new(StringComparer.Ordinal);

    public static string Key(string secret, string storedHash) =>
        storedHash + "|" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Contains(string key) => Proven.ContainsKey(key);

    public static void Remember(string key)
    {
        if (Proven.Count >= Capacity)
        {
            Proven.Clear();
        }
        Proven.TryAdd(key, 0);
    }
}
