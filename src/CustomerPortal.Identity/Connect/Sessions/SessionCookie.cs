using System.Security.Claims;
using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace CustomerPortal.Identity.Connect.Sessions;

/// <summary>
/// The IdP's sign-in cookie is one browser session: it carries its <c>sid</c>, and once that
/// session has ended (signed out elsewhere, other browsers signed out, staff, a password change,
/// a lock) the cookie is refused on its very next request, on every page.
/// </summary>
public static class SessionCookie
{
    /// <summary>Claims that describe the session rather than the user; a re-issued cookie keeps them.</summary>
    private static readonly string[] SessionClaims =
        [PortalClaimTypes.SessionId, PortalClaims.AuthenticationTime, ClaimTypes.AuthenticationMethod, "amr", PortalClaims.SecondFactorTime];

    public static void Configure(CookieAuthenticationOptions cookie)
    {
        var validateStamp = cookie.Events.OnValidatePrincipal;
        cookie.Events.OnValidatePrincipal = async context =>
        {
            var sid = context.Principal?.FindFirst(PortalClaimTypes.SessionId)?.Value;
            if (sid is null || !await context.HttpContext.RequestServices.GetRequiredService<BrowserSessions>().IsActiveAsync(sid))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
                return;
            }
            await validateStamp(context);
        };
        // The handler's redirects are absolute, built from the request's Host header, which the
        // sender chooses: a path on this server is all a redirect needs.
        cookie.Events.OnRedirectToLogin = context => RedirectOnThisHost(context, StatusCodes.Status401Unauthorized);
        cookie.Events.OnRedirectToAccessDenied = context => RedirectOnThisHost(context, StatusCodes.Status403Forbidden);
        cookie.Events.OnRedirectToLogout = context => RedirectOnThisHost(context, StatusCodes.Status200OK);
        cookie.Events.OnRedirectToReturnUrl = context => RedirectOnThisHost(context, StatusCodes.Status200OK);
    }

    /// <summary>
    /// Re-issues this browser's cookie for the user's new security stamp (after a password
    /// change), keeping its session id and the time of sign-in, so that later app sign-ins are
    /// still recorded in the session and signing out still reaches those apps.
    /// </summary>
    public static async Task RenewAsync(this SignInManager<PortalUser> signIn, PortalUser user)
    {
        var current = await signIn.Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var kept = current.Principal?.Claims.Where(claim => SessionClaims.Contains(claim.Type))
            .Select(claim => new Claim(claim.Type, claim.Value, claim.ValueType)).ToList() ?? [];
        await signIn.SignInWithClaimsAsync(user, current.Properties, kept);
    }

    /// <summary>
    /// After a second factor asked of a signed-in session (step-up): the same session, its cookie
    /// re-issued with the added methods, so the next ID token says multi-factor.
    /// </summary>
    public static async Task StepUpAsync(this SignInManager<PortalUser> signIn, PortalUser user, IEnumerable<string> addedMethods)
    {
        var current = await signIn.Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var kept = current.Principal?.Claims.Where(claim => SessionClaims.Contains(claim.Type) && claim.Type is not ("amr" or PortalClaims.SecondFactorTime))
            .Select(claim => new Claim(claim.Type, claim.Value, claim.ValueType)).ToList() ?? [];
        var methods = AuthenticationMethods.Of(current.Principal).Concat(addedMethods).Distinct(StringComparer.Ordinal);
        var now = signIn.Context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        await signIn.SignInWithClaimsAsync(user, current.Properties,
            [.. kept, .. AuthenticationMethods.AsClaims(methods), AuthenticationMethods.SecondFactorProvedAt(now)]);
    }

    private static Task RedirectOnThisHost(RedirectContext<CookieAuthenticationOptions> context, int statusForScripts)
    {
        var target = Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute.PathAndQuery + absolute.Fragment
            : context.RedirectUri;
        if (statusForScripts != StatusCodes.Status200OK && context.Request.Headers.XRequestedWith == "XMLHttpRequest")
        {
            context.Response.Headers.Location = target;
            context.Response.StatusCode = statusForScripts;
        }
        else
        {
            context.Response.Redirect(target);
        }
        return Task.CompletedTask;
    }
}
