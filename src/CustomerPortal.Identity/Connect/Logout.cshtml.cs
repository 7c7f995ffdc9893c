using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CustomerPortal.Identity.Connect;

/// <summary>
/// RP-initiated logout. The user goes back to the relying app's post_logout_redirect_uri only when
/// a valid id_token_hint proves which session the app speaks for; otherwise the user confirms here
/// and stays on the IdP, so a link on a hostile page can neither sign anyone out nor redirect them.
/// </summary>
[AllowAnonymous]
public sealed class LogoutModel(Sessions.BrowserSessions sessions) : PageModel
{
    public const string SignedOutPath = "/account/signed-out";

    public async Task<IActionResult> OnGetAsync()
    {
        var request = HttpContext.GetOpenIddictServerRequest();
        var hint = string.IsNullOrEmpty(request?.IdTokenHint)
            ? null
            : (await HttpContext.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        if (hint is null)
        {
            return Page();
        }

        var session = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var sessionSubject = session.Principal?.FindFirst(Claims.Subject)?.Value;
        if (sessionSubject is not null && sessionSubject != hint.GetClaim(Claims.Subject))
        {
            // The app speaks for another user than the one signed in here: ask.
            return Page();
        }

        await sessions.EndAsync(session.Principal?.FindFirst(PortalClaimTypes.SessionId)?.Value);
        await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        // OpenIddict redirects to the validated post_logout_redirect_uri (with state), or here if none was given.
        return SignOut(new AuthenticationProperties { RedirectUri = SignedOutPath }, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var session = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        await sessions.EndAsync(session.Principal?.FindFirst(PortalClaimTypes.SessionId)?.Value);
        await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        return LocalRedirect(SignedOutPath);
    }
}
