using System.Collections.Immutable;
using System.Globalization;
using System.Security.Claims;
using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CustomerPortal.Identity.Connect;

/// <summary>
/// Builds every principal the token server hands to OpenIddict (authorization endpoint, code and
/// refresh exchanges, userinfo, client credentials). Claims are added only for granted scopes.
/// </summary>
public sealed class PortalPrincipalFactory(UserManager<PortalUser> users, IOpenIddictScopeManager scopeManager)
{
    public async Task<ClaimsPrincipal> CreateForUserAsync(
        PortalUser user, ImmutableArray<string> scopes, DateTimeOffset? authenticatedAt, CancellationToken cancellationToken = default)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, user.Id);
        identity.SetClaim(PortalClaims.SecurityStamp, await users.GetSecurityStampAsync(user));
        if (authenticatedAt is { } time)
        {
            identity.AddClaim(new Claim(Claims.AuthenticationTime, time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        }

        if (scopes.Contains(Scopes.Profile))
        {
            identity.SetClaim(Claims.Name, user.DisplayName);
            identity.SetClaim(Claims.FamilyName, user.FamilyName);
            identity.SetClaim(Claims.GivenName, user.GivenName);
            identity.SetClaim(Claims.Locale, user.Locale);
        }
        if (scopes.Contains(Scopes.Email) && user.Email is not null)
        {
            identity.SetClaim(Claims.Email, user.Email);
            identity.AddClaim(new Claim(Claims.EmailVerified, user.EmailConfirmed ? "true" : "false", ClaimValueTypes.Boolean));
        }
        if (scopes.Contains(Scopes.Roles))
        {
            identity.SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        }

        return await FinishAsync(identity, scopes, cancellationToken);
    }

    /// <summary>A confidential client acting on its own behalf (client_credentials).</summary>
    public async Task<ClaimsPrincipal> CreateForClientAsync(
        string clientId, string? displayName, ImmutableArray<string> scopes, CancellationToken cancellationToken = default)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, clientId);
        identity.SetClaim(Claims.ClientId, clientId);
        identity.SetClaim(Claims.Name, displayName ?? clientId);
        return await FinishAsync(identity, scopes, cancellationToken);
    }

    private async Task<ClaimsPrincipal> FinishAsync(ClaimsIdentity identity, ImmutableArray<string> scopes, CancellationToken cancellationToken)
    {
        identity.SetScopes(scopes);
        identity.SetResources(await scopeManager.ListResourcesAsync(scopes, cancellationToken).ToListAsync(cancellationToken));
        identity.SetDestinations(ClaimDestinations.For);
        return new ClaimsPrincipal(identity);
    }

    private static ClaimsIdentity NewIdentity() => new(
        authenticationType: Microsoft.IdentityModel.Tokens.TokenValidationParameters.DefaultAuthenticationType,
        nameType: Claims.Name,
        roleType: Claims.Role);
}
