using CustomerPortal.Identity.Connect;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Theming;
using Microsoft.AspNetCore.Identity;

namespace CustomerPortal.Identity.Account.SignIn;

/// <summary>
/// The end of every sign-in, whichever steps it took: the browser becomes known to the account,
/// an IdP session starts, the cookie records how the user authenticated (amr), and the sign-in is
/// audited, counted and (the first time) mailed.
/// </summary>
public sealed class SignInCompletion(
    SignInManager<PortalUser> signIn, KnownBrowsers browsers, PendingSignIn pending, Connect.Sessions.BrowserSessions sessions,
    Audit.AuditLog audit, Observability.PortalMetrics metrics, Activation.AccountLifecycle lifecycle, IHttpContextAccessor http, TimeProvider clock)
{
    public async Task CompleteAsync(PortalUser user, IReadOnlyCollection<string> methods)
    {
        await pending.EndAsync();
        await browsers.RememberAsync(user);
        var sid = await sessions.StartAsync(user.Id);
        List<System.Security.Claims.Claim> claims = [new(PortalClaimTypes.SessionId, sid), .. AuthenticationMethods.AsClaims(methods)];
        if (methods.Contains(AuthenticationMethods.MultiFactor))
        {
            claims.Add(AuthenticationMethods.SecondFactorProvedAt(clock.GetUtcNow()));
        }
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, claims);
        await audit.WriteAsync(Audit.AuditEventType.SignInSucceeded, user.Id, user.Email, string.Join(' ', methods));
        metrics.SignIn(succeeded: true);
        await lifecycle.RecordSignInAsync(user);
        LocalizationSetup.AdoptUserLanguage(http.HttpContext!, user.Locale);
    }
}
