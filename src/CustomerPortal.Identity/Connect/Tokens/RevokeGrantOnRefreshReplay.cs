using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CustomerPortal.Identity.Connect.Tokens;

/// <summary>
/// A refresh token presented after it was redeemed ends its whole grant, the authorization included.
/// </summary>
/// <remarks>
/// OpenIddict answers a replay by revoking the stored tokens of the grant and leaves the
/// authorization valid, so that the client may start again. Access tokens have no rows here
/// (<see cref="UnstoredAccessTokens"/>): only a revoked authorization refuses them. RFC 9700
/// (4.14.2) treats a replay as a sign that the token was stolen, so the thief's access tokens
/// must stop now, not when they expire; the user signs in again, as after any other revocation.
/// </remarks>
public sealed class RevokeGrantOnRefreshReplay(IOpenIddictTokenManager tokens, Account.GrantRevocation grants)
    : IOpenIddictServerHandler<ValidateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireTokenIdResolved>()
            .UseScopedHandler<RevokeGrantOnRefreshReplay>()
            .SetOrder(OpenIddictServerHandlers.Protection.ValidateTokenEntry.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateTokenContext context)
    {
        if (context.Principal is not { } principal || !principal.HasTokenType(TokenTypeIdentifiers.RefreshToken)
            || string.IsNullOrEmpty(context.AuthorizationId))
        {
            return;
        }
        // OpenIddict's own check reads the same entry right after this one, from its per-request cache.
        if (await tokens.FindByIdAsync(context.TokenId!, context.CancellationToken) is not { } token
            || !await tokens.HasStatusAsync(token, Statuses.Redeemed, context.CancellationToken))
        {
            return;
        }
        // OpenIddict's own check then revokes the grant's tokens again and refuses the request: on a
        // replay (an attack, not traffic) one bulk update too many.
        await grants.RevokeAuthorizationAsync(context.AuthorizationId, context.CancellationToken);
    }
}
