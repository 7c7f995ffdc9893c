using System.Collections.Concurrent;
using CustomerPortal.Identity.Data;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace CustomerPortal.Identity.Connect;

/// <summary>
/// The registered clients as last read, each served again for as long as its row's concurrency
/// token says it has not changed.
/// </summary>
/// <remarks>
/// Every token request names its client, and reading the client whole (its permissions, URIs and
/// properties as JSON, tracked by EF Core) was a quarter of the client_credentials exchange. OpenIddict
/// gives a row a new concurrency token on every update, so asking the database for that one value
/// tells whether the copy in memory is still the client: a secret rotated by another node, a
/// permission withdrawn or a client deleted is seen on the next request, as before, and the memory
/// of proven secrets (<see cref="ProvenSecrets"/>) is keyed by the stored hash this copy carries.
/// Each request gets its own copy, untracked, so nothing a request does touches another's.
/// </remarks>
public sealed class CurrentApplications
{
    private const int Capacity = 256; // clients are few; the bound guards against a flood of made-up ids
    private readonly ConcurrentDictionary<string, OpenIddictEntityFrameworkCoreApplication> _known = new(StringComparer.Ordinal);

    private static readonly Func<PortalDbContext, string, CancellationToken, Task<string?>> VersionOf =
        EF.CompileAsyncQuery((PortalDbContext db, string clientId, CancellationToken _) =>
            db.Set<OpenIddictEntityFrameworkCoreApplication>().AsNoTracking()
                .Where(a => a.ClientId == clientId).Select(a => a.ConcurrencyToken).FirstOrDefault());

    public async Task<OpenIddictEntityFrameworkCoreApplication?> FindAsync(
        PortalDbContext db, string clientId, Func<ValueTask<OpenIddictEntityFrameworkCoreApplication?>> read,
        CancellationToken cancellationToken)
    {
        var version = await VersionOf(db, clientId, cancellationToken);
        if (version is null)
        {
            _known.TryRemove(clientId, out _);
            return await read();
        }
        if (_known.TryGetValue(clientId, out var known) && known.ConcurrencyToken == version)
        {
            return Copy(known);
        }
        var application = await read();
        if (application is not null && application.ConcurrencyToken == version)
        {
            if (_known.Count >= Capacity)
            {
                _known.Clear();
            }
            _known[clientId] = Copy(application);
        }
        return application;
    }

    private static OpenIddictEntityFrameworkCoreApplication Copy(OpenIddictEntityFrameworkCoreApplication application) => new()
    {
        Id = application.Id,
        ApplicationType = application.ApplicationType,
        ClientId = application.ClientId,
        ClientSecret = application.ClientSecret,
        ClientType = application.ClientType,
        ConcurrencyToken = application.ConcurrencyToken,
        ConsentType = application.ConsentType,
        DisplayName = application.DisplayName,
        DisplayNames = application.DisplayNames,
        JsonWebKeySet = application.JsonWebKeySet,
        Permissions = application.Permissions,
        PostLogoutRedirectUris = application.PostLogoutRedirectUris,
        Properties = application.Properties,
        RedirectUris = application.RedirectUris,
        Requirements = application.Requirements,
        Settings = application.Settings,
    };
}
