using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CustomerPortal.Identity.Connect;

/// <summary>
/// RFC 7009 lets revoking a refresh token revoke the access tokens of the same grant; OpenIddict
/// revokes only the token presented. A client that signs a user out expects the whole grant gone.
/// </summary>
public sealed class RevokeGrantWithRefreshToken(IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens)
    : IOpenIddictServerHandler<HandleRevocationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleRevocationRequestContext>()
            .UseScopedHandler<RevokeGrantWithRefreshToken>()
            .SetOrder(OpenIddictServerHandlers.Revocation.HandleRevocationRequest.Descriptor.Order + 1_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(HandleRevocationRequestContext context)
    {
        var principal = context.GenericTokenPrincipal;
        if (context.IsRejected || principal is null || !principal.HasTokenType(OpenIddictConstants.TokenTypeIdentifiers.RefreshToken))
        {
            return;
        }
        if (principal.GetAuthorizationId() is not { Length: > 0 } authorizationId)
        {
            return;
        }
        if (await authorizations.FindByIdAsync(authorizationId, context.CancellationToken) is { } authorization)
        {
            await authorizations.TryRevokeAsync(authorization, context.CancellationToken);
        }
        await tokens.RevokeByAuthorizationIdAsync(authorizationId, context.CancellationToken);
    }
}
