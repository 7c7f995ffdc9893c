using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CustomerPortal.Identity.Connect.Tokens;

/// <summary>
/// Access tokens and ID tokens are issued without a row in the token table; codes and refresh
/// tokens keep theirs (they are redeemed once, and a replayed refresh token must be recognised).
/// </summary>
/// <remarks>
/// A row per access token was a database write on every client_credentials call and two of the
/// four writes of a refresh. An access token lives for minutes and is self-contained (signed and
/// encrypted for this server), so nothing needs the row to read it. What the row gave, ending a
/// token before it expires, comes from its grant instead: every access token of a user carries its
/// authorization's id, and <see cref="GrantOfUnstoredToken"/> refuses it once that authorization is
/// revoked (sign-out, password change or reset, staff lock, "revoke" on the connected-apps page, a
/// replayed refresh token). An ID token is never presented back as a credential, only as a hint
/// at sign-out, where its expiry does not matter either. Tokens of a client acting for itself
/// (client_credentials) have no grant and live out their lifetime, as in Keycloak and Duende;
/// RFC 7009 revocation of such a token answers unsupported_token_type.
/// </remarks>
public sealed class UnstoredAccessTokens : IOpenIddictServerHandler<GenerateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
            .UseSingletonHandler<UnstoredAccessTokens>()
            .SetOrder(OpenIddictServerHandlers.Protection.CreateTokenEntry.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(GenerateTokenContext context)
    {
        if (context.TokenType is TokenTypeIdentifiers.AccessToken or TokenTypeIdentifiers.IdentityToken)
        {
            context.CreateTokenEntry = false;
        }
        return ValueTask.CompletedTask;
    }
}
