using System.Globalization;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CustomerPortal.Identity.Account;

public sealed record ConnectedApp(string ClientId, string Name, IReadOnlyList<string> Scopes, DateTimeOffset? Since);

/// <summary>The apps a user has signed in to: clients holding a valid authorization for the user.</summary>
public sealed class ConnectedApps(IOpenIddictAuthorizationManager authorizations, IOpenIddictApplicationManager applications)
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
        return [.. byClient.Values.OrderBy(app => app.Name, StringComparer.Ordinal)];
    }

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
