using System.Globalization;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CustomerPortal.Identity.Account;

public sealed record ConnectedApp(string ClientId, string Name, IReadOnlyList<string> Scopes, DateTimeOffset? Since);

/// <summary>The apps a user has signed in to: clients holding a valid authorization for the user.</summary>
public sealed class ConnectedApps(
    IOpenIddictAuthorizationManager authorizations, IOpenIddictApplicationManager applications, IOpenIddictScopeManager scopeManager, MessageBundle messages)
{
    public async Task<IReadOnlyList<ConnectedApp>> ListAsync(string userId, CultureInfo culture)
    {
        var byClient = new Dictionary<string, ConnectedApp>();
        // Read them all first: the lookups below use the same database context.
        var all = new List<object>();
        await foreach (var authorization in authorizations.FindBySubjectAsync(userId))
        {
            all.Add(authorization);
        }
        foreach (var authorization in all)
        {
            if (await authorizations.GetStatusAsync(authorization) != Statuses.Valid
                || await authorizations.GetApplicationIdAsync(authorization) is not { } applicationId
                || await applications.FindByIdAsync(applicationId) is not { } application
                || await applications.GetClientIdAsync(application) is not { } clientId)
            {
                continue;
            }
            var scopes = (await authorizations.GetScopesAsync(authorization)).ToList();
            var since = await authorizations.GetCreationDateAsync(authorization);
            var name = await applications.GetLocalizedDisplayNameAsync(application, culture) ?? clientId;
            byClient[clientId] = byClient.TryGetValue(clientId, out var known)
                ? known with { Scopes = [.. known.Scopes.Union(scopes)], Since = Min(known.Since, since) }
                : new ConnectedApp(clientId, name, scopes, since);
        }
        var described = await DescribeAsync(byClient.Values.SelectMany(app => app.Scopes).ToHashSet(StringComparer.Ordinal), culture);
        return [.. byClient.Values
            .OrderBy(app => app.Name, StringComparer.Ordinal)
            .Select(app => app with { Scopes = [.. app.Scopes.Where(described.ContainsKey).Select(scope => described[scope])] })];
    }

    /// <summary>
    /// What each scope lets an app see, in the user's words (seed/scopes.json) rather than its
    /// protocol name; looked up once for all the apps. "openid" is left out: it is the sign-in itself.
    /// </summary>
    private async Task<Dictionary<string, string>> DescribeAsync(IEnumerable<string> scopes, CultureInfo culture)
    {
        var described = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var scope in scopes.Where(scope => scope != Scopes.OpenId))
        {
            var entry = await scopeManager.FindByNameAsync(scope);
            described[scope] = entry is not null && await scopeManager.GetLocalizedDisplayNameAsync(entry, culture) is { } name
                ? name
                : messages.Get(culture, scope == Scopes.OfflineAccess ? "apps.scope.offlineAccess" : "apps.scope.other");
        }
        return described;
    }

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
