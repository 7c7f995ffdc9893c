using System.Collections.Concurrent;
using System.Collections.Immutable;
using OpenIddict.Abstractions;

namespace CustomerPortal.Identity.Connect;

/// <summary>
/// The audiences (resources) a set of scopes grants, as seed/scopes.json declares them, looked up
/// in the database at most once a minute per set rather than on every token.
/// </summary>
/// <remarks>
/// Scopes change only when seed/ is applied, and an access token lives for minutes, so a minute
/// of delay before a new resource appears in new tokens is harmless; a query per token request
/// was a sixth of the client_credentials exchange.
/// </remarks>
public sealed class ScopeResources(TimeProvider clock)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);
    private const int MaximumSets = 256; // the sets in use are few; the bound guards against odd requests
    private readonly ConcurrentDictionary<string, (DateTimeOffset ReadAt, ImmutableArray<string> Resources)> _known = new(StringComparer.Ordinal);

    public async Task<ImmutableArray<string>> ForAsync(IOpenIddictScopeManager scopes, ImmutableArray<string> names, CancellationToken cancellationToken)
    {
        var key = string.Join(' ', names.Order(StringComparer.Ordinal));
        var now = clock.GetUtcNow();
        if (_known.TryGetValue(key, out var known) && now - known.ReadAt < KeepFor)
        {
            return known.Resources;
        }
        var resources = (await scopes.ListResourcesAsync(names, cancellationToken).ToListAsync(cancellationToken)).ToImmutableArray();
        if (_known.Count >= MaximumSets)
        {
            _known.Clear();
        }
        _known[key] = (now, resources);
        return resources;
    }
}
