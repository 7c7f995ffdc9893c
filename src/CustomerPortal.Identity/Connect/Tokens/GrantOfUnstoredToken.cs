using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Validation;

namespace CustomerPortal.Identity.Connect.Tokens;

/// <summary>
/// Has OpenIddict check the authorization of a token that has no row (<see cref="UnstoredAccessTokens"/>),
/// wherever a token is read: userinfo and introspection (server) and the IdP's own API (validation).
/// </summary>
/// <remarks>
/// OpenIddict learns a token's authorization from its row, and checks that authorization
/// (ValidateAuthorizationEntry) only when it learned one. Without a row it would accept the token
/// of a revoked grant until it expires. The token carries its authorization's id itself, signed and
/// encrypted by this server, so that id is handed to the same check.
/// </remarks>
public static class GrantOfUnstoredToken
{
    public static OpenIddictServerHandlerDescriptor ServerDescriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ValidateTokenContext>()
            .UseSingletonHandler<ForServer>()
            .SetOrder(OpenIddictServerHandlers.Protection.ValidateAuthorizationEntry.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public static OpenIddictValidationHandlerDescriptor ValidationDescriptor { get; } =
        OpenIddictValidationHandlerDescriptor.CreateBuilder<OpenIddictValidationEvents.ValidateTokenContext>()
            .UseSingletonHandler<ForValidation>()
            .SetOrder(OpenIddictValidationHandlers.Protection.ValidateAuthorizationEntry.Descriptor.Order - 500)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    private static string? AuthorizationOf(System.Security.Claims.ClaimsPrincipal? principal, string? tokenId, string? known) =>
        principal is null || !string.IsNullOrEmpty(tokenId) || !string.IsNullOrEmpty(known) ? known : principal.GetAuthorizationId();

    public sealed class ForServer : IOpenIddictServerHandler<OpenIddictServerEvents.ValidateTokenContext>
    {
        public ValueTask HandleAsync(OpenIddictServerEvents.ValidateTokenContext context)
        {
            context.AuthorizationId = AuthorizationOf(context.Principal, context.TokenId, context.AuthorizationId);
            return ValueTask.CompletedTask;
        }
    }

    public sealed class ForValidation : IOpenIddictValidationHandler<OpenIddictValidationEvents.ValidateTokenContext>
    {
        public ValueTask HandleAsync(OpenIddictValidationEvents.ValidateTokenContext context)
        {
            context.AuthorizationId = AuthorizationOf(context.Principal, context.TokenId, context.AuthorizationId);
            return ValueTask.CompletedTask;
        }
    }
}
