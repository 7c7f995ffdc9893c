using OpenIddict.Abstractions;

namespace CustomerPortal.Identity.Account;

/// <summary>Ends what relying apps hold for a user: authorizations and every token issued under them.</summary>
public sealed class GrantRevocation(IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens, IOpenIddictApplicationManager applications)
{
    /// <summary>After a password reset or change: every app must ask the user to sign in again.</summary>
    public async Task RevokeAllAsync(string userId, CancellationToken cancellationToken = default)
    {
        await authorizations.RevokeBySubjectAsync(userId, cancellationToken);
        await tokens.RevokeBySubjectAsync(userId, cancellationToken);
    }

    /// <summary>When the session it was made in ends: the authorization and every token issued under it.</summary>
    public async Task RevokeAuthorizationAsync(string authorizationId, CancellationToken cancellationToken = default)
    {
        if (await authorizations.FindByIdAsync(authorizationId, cancellationToken) is { } authorization)
        {
            await authorizations.TryRevokeAsync(authorization, cancellationToken);
        }
        await tokens.RevokeByAuthorizationIdAsync(authorizationId, cancellationToken);
    }

    /// <summary>From the connected-apps page: one app loses its access.</summary>
    public async Task RevokeClientAsync(string userId, string clientId, CancellationToken cancellationToken = default)
    {
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } application
            || await applications.GetIdAsync(application, cancellationToken) is not { } applicationId)
        {
            return;
        }
        var found = new List<object>();
        await foreach (var authorization in authorizations.FindAsync(userId, applicationId, status: null, type: null, scopes: null, cancellationToken))
        {
            found.Add(authorization);
        }
        foreach (var authorization in found)
        {
            await authorizations.TryRevokeAsync(authorization, cancellationToken);
            if (await authorizations.GetIdAsync(authorization, cancellationToken) is { } authorizationId)
            {
                await tokens.RevokeByAuthorizationIdAsync(authorizationId, cancellationToken);
            }
        }
    }
}
