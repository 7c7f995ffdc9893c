using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;

namespace CustomerPortal.Identity.Connect;

/// <summary>
/// OpenIddict's application manager, except that a client secret proven once is not proven again
/// with PBKDF2 on every token request, and a client is not read whole from the database on every
/// request (see <see cref="CurrentApplications"/>).
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
    IOpenIddictApplicationStore<OpenIddictEntityFrameworkCoreApplication> store,
    CurrentApplications current,
    Data.PortalDbContext db)
    : OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>(cache, logger, options, store)
{
    // OpenIddict asks for the client several times per request; the database is asked once.
    private readonly Dictionary<string, OpenIddictEntityFrameworkCoreApplication?> _thisRequest = new(StringComparer.Ordinal);

    public override async ValueTask<OpenIddictEntityFrameworkCoreApplication?> FindByClientIdAsync(
        string identifier, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(identifier))
        {
            return await base.FindByClientIdAsync(identifier, cancellationToken);
        }
        if (!_thisRequest.TryGetValue(identifier, out var application))
        {
            application = await current.FindAsync(db, identifier, () => base.FindByClientIdAsync(identifier, cancellationToken), cancellationToken);
            _thisRequest[identifier] = application;
        }
        return application;
    }

    public override async ValueTask CreateAsync(OpenIddictEntityFrameworkCoreApplication application, CancellationToken cancellationToken = default)
    {
        await base.CreateAsync(application, cancellationToken);
        _thisRequest.Clear(); // it may have been found missing earlier in this request
    }

    public override async ValueTask UpdateAsync(OpenIddictEntityFrameworkCoreApplication application, CancellationToken cancellationToken = default)
    {
        await base.UpdateAsync(await TrackedAsync(application, cancellationToken), cancellationToken);
        _thisRequest.Clear();
    }

    public override async ValueTask DeleteAsync(OpenIddictEntityFrameworkCoreApplication application, CancellationToken cancellationToken = default)
    {
        await base.DeleteAsync(await TrackedAsync(application, cancellationToken), cancellationToken);
        _thisRequest.Clear();
    }

    /// <summary>
    /// A copy from <see cref="CurrentApplications"/> is not tracked, and OpenIddict reads the same client
    /// into this request's context before it writes (to check for duplicates): the change goes to that one.
    /// </summary>
    private async Task<OpenIddictEntityFrameworkCoreApplication> TrackedAsync(
        OpenIddictEntityFrameworkCoreApplication application, CancellationToken cancellationToken)
    {
        if (db.Entry(application).State != EntityState.Detached
            || await db.Set<OpenIddictEntityFrameworkCoreApplication>().FirstOrDefaultAsync(a => a.Id == application.Id, cancellationToken)
                is not { } tracked)
        {
            return application;
        }
        db.Entry(tracked).CurrentValues.SetValues(application);
        return tracked;
    }

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
