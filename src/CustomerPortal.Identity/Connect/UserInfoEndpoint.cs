using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CustomerPortal.Identity.Connect;

/// <summary>
/// userinfo: exactly the claims the access token's scopes allow, from the user's current record,
/// built by the same factory as the tokens.
/// </summary>
public static class UserInfoEndpoint
{
    public static IEndpointRouteBuilder MapUserInfoEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(OpenIddictSetup.UserInfoPath, [HttpMethods.Get, HttpMethods.Post], UserInfoAsync)
            .AllowAnonymous().DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> UserInfoAsync(HttpContext context, SignInEligibility eligibility, PortalPrincipalFactory principals)
    {
        var token = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (token.Principal is not { } accessToken || await eligibility.FromAccessTokenAsync(accessToken) is not { } user)
        {
            return Results.Challenge(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The access token is no longer valid.",
                }),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var principal = await principals.CreateForUserAsync(user, accessToken.GetScopes(), authenticatedAt: null, cancellationToken: context.RequestAborted);
        var body = new JsonObject();
        foreach (var group in principal.Claims.Where(ClaimDestinations.IsUserInfo).GroupBy(claim => claim.Type))
        {
            body[group.Key] = ClaimDestinations.IsMultiValued(group.Key)
                ? new JsonArray([.. group.Select(claim => JsonValue.Create(claim.Value))])
                : group.First() switch
                {
                    { ValueType: System.Security.Claims.ClaimValueTypes.Boolean } claim => JsonValue.Create(bool.Parse(claim.Value)),
                    { ValueType: "JSON" } claim => JsonNode.Parse(claim.Value),
                    var claim => JsonValue.Create(claim.Value),
                };
        }
        return Results.Json(body);
    }
}
