using CustomerPortal.Identity.Account;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CustomerPortal.Identity.Connect.Tokens;

/// <summary>
/// The revocation endpoint (RFC 7009) in place of OpenIddict's RevokeToken: a user's refresh or
/// access token revokes its whole grant; a stored token of no grant is revoked alone.
/// </summary>
/// <remarks>
/// RFC 7009 (2.1) asks that revoking a refresh token end the access tokens of its grant, and lets
/// revoking an access token end the refresh token too. OpenIddict revokes only the token presented,
/// and cannot revoke an access token without a row (<see cref="UnstoredAccessTokens"/>): revoking
/// the authorization is what refuses those. A client's own token (client_credentials) has neither
/// row nor grant and answers unsupported_token_type, which RFC 7009 (2.2.1) provides for.
/// </remarks>
public sealed class RevocationEndsTheGrant(IOpenIddictTokenManager tokens, GrantRevocation grants)
    : IOpenIddictServerHandler<HandleRevocationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleRevocationRequestContext>()
            .UseScopedHandler<RevocationEndsTheGrant>()
            .SetOrder(OpenIddictServerHandlers.Revocation.RevokeToken.Descriptor.Order)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(HandleRevocationRequestContext context)
    {
        var principal = context.GenericTokenPrincipal
            ?? throw new InvalidOperationException("OpenIddict validated a token without a principal.");
        var authorizationId = principal.GetAuthorizationId();
        var endsGrant = principal.HasTokenType(TokenTypeIdentifiers.RefreshToken) || principal.HasTokenType(TokenTypeIdentifiers.AccessToken);
        if (endsGrant && !string.IsNullOrEmpty(authorizationId))
        {
            await grants.RevokeAuthorizationAsync(authorizationId, context.CancellationToken);
            return;
        }

        if (principal.GetTokenId() is not { Length: > 0 } tokenId)
        {
            context.Reject(Errors.UnsupportedTokenType, "This token cannot be revoked; it expires on its own.");
            return;
        }
        if (await tokens.FindByIdAsync(tokenId, context.CancellationToken) is not { } token)
        {
            context.Reject(Errors.InvalidToken, "The token is no longer valid.");
            return;
        }
        if (!await tokens.TryRevokeAsync(token, context.CancellationToken))
        {
            context.Reject(Errors.UnsupportedTokenType, "The token could not be revoked.");
        }
    }
}
