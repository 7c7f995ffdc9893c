using CustomerPortal.Identity.Account;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CustomerPortal.Identity.Connect;

/// <summary>
/// The token endpoint after OpenIddict has authenticated the client and validated the grant:
/// re-checks the user and rebuilds the principal, so a locked or changed account gets no token.
/// </summary>
public static class TokenEndpoint
{
    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(OpenIddictSetup.TokenPath, ExchangeAsync).AllowAnonymous().DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> ExchangeAsync(
        HttpContext context, SignInEligibility eligibility, PortalPrincipalFactory principals,
        IOpenIddictApplicationManager applications, Observability.PortalMetrics metrics)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!, context.RequestAborted)
                ?? throw new InvalidOperationException("OpenIddict authenticated a client that no longer exists.");
            var client = await principals.CreateForClientAsync(
                request.ClientId!, await applications.GetDisplayNameAsync(application, context.RequestAborted), request.GetScopes(), context.RequestAborted);
            metrics.TokenIssued(GrantTypes.ClientCredentials);
            return Results.SignIn(client, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var grant = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal
                ?? throw new InvalidOperationException("OpenIddict validated a grant without a principal.");
            if (await eligibility.FromGrantAsync(grant) is not { } user)
            {
                return InvalidGrant("The grant is no longer valid: the account was changed, locked or disabled.");
            }

            var principal = await principals.CreateForUserAsync(
                user, grant.GetScopes(), grant.AuthenticatedAt(), grant.FindFirst(PortalClaimTypes.SessionId)?.Value, AuthenticationMethods.Of(grant),
                context.RequestAborted);
            principal.SetAuthorizationId(grant.GetAuthorizationId());
            metrics.TokenIssued(request.GrantType!);
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        // OpenIddict refuses every other grant type before this endpoint runs.
        return InvalidGrant("The grant type is not supported.");
    }

    private static IResult InvalidGrant(string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidGrant,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
