using System.Globalization;
using CustomerPortal.ServiceDefaults.SignOut;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CustomerPortal.ServiceDefaults.SignIn;

/// <summary>
/// Runs on every request that carries the app's session cookie: a session the IdP ended by
/// back-channel logout is dropped, and a nearly expired access token is refreshed.
/// </summary>
internal static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var principal = context.Principal!;
        var ended = services.GetRequiredService<EndedSessions>();
        if (await ended.HasEndedAsync(
                principal.FindFirst(PortalClaimTypes.SessionId)?.Value,
                principal.FindFirst(PortalClaimTypes.Subject)?.Value,
                context.Properties.IssuedUtc ?? DateTimeOffset.MinValue))
        {
            await EndAsync(context);
            return;
        }

        var refresher = services.GetRequiredService<TokenRefresher>();
        if (!refresher.IsDue(context.Properties))
        {
            return;
        }
        if (context.Properties.GetTokenValue("refresh_token") is not { Length: > 0 } refreshToken)
        {
            await EndAsync(context);
            return;
        }
        RefreshedTokens? tokens;
        try
        {
            tokens = await refresher.RefreshAsync(refreshToken, context.HttpContext.RequestAborted);
        }
        catch (HttpRequestException error)
        {
            // The IdP is unreachable: keep the session; the next request tries again.
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionValidation))
                .LogWarning("Token refresh failed: {Error}", error.Message);
            return;
        }
        if (tokens is null)
        {
            await EndAsync(context);
            return;
        }
        context.Properties.UpdateTokenValue("access_token", tokens.AccessToken);
        context.Properties.UpdateTokenValue("refresh_token", tokens.RefreshToken);
        if (tokens.IdToken is not null)
        {
            context.Properties.UpdateTokenValue("id_token", tokens.IdToken);
        }
        context.Properties.UpdateTokenValue("expires_at", tokens.ExpiresAt.ToString("o", CultureInfo.InvariantCulture));
        context.ShouldRenew = true;
    }

    private static async Task EndAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
