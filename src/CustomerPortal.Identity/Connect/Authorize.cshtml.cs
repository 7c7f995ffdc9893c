using System.Collections.Immutable;
using System.Globalization;
using System.Security.Claims;
using CustomerPortal.Identity.Account;
using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CustomerPortal.Identity.Connect;

/// <summary>
/// The authorization endpoint (OpenIddict passes the validated request through): decides whether
/// the user must sign in (again), whether consent is needed, and issues the code.
/// </summary>
[AllowAnonymous]
public sealed class AuthorizeModel(
    IOpenIddictApplicationManager applications,
    IOpenIddictAuthorizationManager authorizations,
    IOpenIddictScopeManager scopes,
    SignInEligibility eligibility,
    PortalPrincipalFactory principals,
    Sessions.BrowserSessions sessions,
    TimeProvider clock) : PageModel
{
    public string ClientName { get; private set; } = "";
    public IReadOnlyList<string> ScopeNames { get; private set; } = [];
    public IReadOnlyList<KeyValuePair<string, string>> RequestParameters { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => HandleAsync(consented: false);

    public Task<IActionResult> OnPostAsync() => HandleAsync(consented: false);

    public Task<IActionResult> OnPostAcceptAsync() => HandleAsync(consented: true);

    public IActionResult OnPostDeny() =>
        Reject(Errors.AccessDenied, "The user denied the authorization.");

    private async Task<IActionResult> HandleAsync(bool consented)
    {
        var request = HttpContext.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        var session = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = session.Succeeded ? await eligibility.FromSessionAsync(session.Principal) : null;
        var authenticatedAt = session.Principal?.AuthenticatedAt();

        if (user is null || MustSignInAgain(request, authenticatedAt) || await HintNamesSomeoneElseAsync(request, user))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Reject(Errors.LoginRequired, "The user is not signed in.");
            }
            if (session.Succeeded)
            {
                // The session this browser had is over, not just its cookie: its grants are
                // revoked and its apps told, as on any other sign-out.
                await sessions.EndAsync(session.Principal.FindFirst(PortalClaimTypes.SessionId)?.Value);
                await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            }
            return Challenge(new AuthenticationProperties { RedirectUri = RetryUrl() }, IdentityConstants.ApplicationScheme);
        }

        if (AuthenticationMethods.Levels.Missing(request.AcrValues, AuthenticationMethods.Of(session.Principal)) is { } missing)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Reject(Errors.InteractionRequired, $"The client asked for {missing} (acr_values); this session's sign-in did not reach it.");
            }
            // The missing factor only (or its enrolment), in this session; then the same request again.
            return LocalRedirect(QueryHelpers.AddQueryString(Account.SecondFactor.StepUpModel.Path,
                new Dictionary<string, string?> { ["ReturnUrl"] = RetryUrl(), ["Level"] = missing }));
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!)
            ?? throw new InvalidOperationException("OpenIddict validated a client that no longer exists.");
        var applicationId = await applications.GetIdAsync(application);
        var requestedScopes = request.GetScopes();
        var permanent = await authorizations.FindAsync(
            subject: user.Id, client: applicationId, status: Statuses.Valid, type: AuthorizationTypes.Permanent,
            scopes: requestedScopes).ToListAsync();

        var consentType = await applications.GetConsentTypeAsync(application);
        var needsConsent = consentType is ConsentTypes.Explicit or ConsentTypes.Systematic
            && (permanent.Count == 0 || request.HasPromptValue(PromptValues.Consent) || consentType == ConsentTypes.Systematic);

        if (needsConsent && !consented)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Reject(Errors.ConsentRequired, "The user must consent to this client.");
            }
            await DescribeConsentAsync(application, requestedScopes);
            return Page();
        }

        // Every IdP cookie names its session (SessionCookie refuses one that does not).
        var sessionId = session.Principal!.FindFirst(PortalClaimTypes.SessionId)!.Value;
        var principal = await principals.CreateForUserAsync(
            user, requestedScopes, authenticatedAt, sessionId, AuthenticationMethods.Of(session.Principal), HttpContext.RequestAborted);
        await sessions.RecordClientAsync(sessionId, request.ClientId!);
        if (permanent.Count == 0)
        {
            // The record of consent (and of the app on the connected-apps page).
            await authorizations.CreateAsync(principal, user.Id, applicationId!, AuthorizationTypes.Permanent, requestedScopes);
        }
        principal.SetAuthorizationId(await sessions.GrantForAsync(sessionId, principal, user.Id, applicationId!, requestedScopes));
        return SignIn(principal, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>prompt=login, or a max_age that the last sign-in exceeds.</summary>
    private bool MustSignInAgain(OpenIddictRequest request, DateTimeOffset? authenticatedAt)
    {
        if (request.HasPromptValue(PromptValues.Login))
        {
            return true;
        }
        return request.MaxAge is { } maxAge
            && (authenticatedAt is null || clock.GetUtcNow() - authenticatedAt.Value > TimeSpan.FromSeconds(maxAge));
    }

    /// <summary>An id_token_hint for another user than the one signed in (OpenID Connect Core 3.1.2.1).</summary>
    private async Task<bool> HintNamesSomeoneElseAsync(OpenIddictRequest request, PortalUser user)
    {
        if (string.IsNullOrEmpty(request.IdTokenHint))
        {
            return false;
        }
        // OpenIddict has validated the hint already; this returns its principal.
        var hint = await HttpContext.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        return hint.Principal?.GetClaim(Claims.Subject) is { } subject && subject != user.Id;
    }

    /// <summary>
    /// The same request, to come back to after the sign-in page, minus what would send the user
    /// there again in a loop (prompt=login, max_age, id_token_hint: each is satisfied by signing in).
    /// </summary>
    private string RetryUrl()
    {
        var parameters = Request.HasFormContentType ? Request.Form.ToList() : Request.Query.ToList();
        var kept = parameters
            .Where(p => p.Key is not (Parameters.Prompt or Parameters.MaxAge or Parameters.IdTokenHint) && !p.Key.StartsWith("__", StringComparison.Ordinal))
            .SelectMany(p => p.Value.Select(value => new KeyValuePair<string, string?>(p.Key, value)))
            .ToList();
        if (Request.Query.TryGetValue(Parameters.Prompt, out var prompt)
            || (Request.HasFormContentType && Request.Form.TryGetValue(Parameters.Prompt, out prompt)))
        {
            // Keep "consent" (it still applies after signing in); drop "login".
            var rest = string.Join(' ', prompt.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(v => v != PromptValues.Login));
            if (rest.Length > 0)
            {
                kept.Add(new(Parameters.Prompt, rest));
            }
        }
        return QueryHelpers.AddQueryString(Request.PathBase + Request.Path, kept);
    }

    private async Task DescribeConsentAsync(object application, ImmutableArray<string> requestedScopes)
    {
        ClientName = await applications.GetLocalizedDisplayNameAsync(application, CultureInfo.CurrentUICulture) ?? "";
        var names = new List<string>();
        await foreach (var scope in scopes.FindByNamesAsync(requestedScopes))
        {
            names.Add(await scopes.GetLocalizedDisplayNameAsync(scope, CultureInfo.CurrentUICulture) ?? await scopes.GetNameAsync(scope) ?? "");
        }
        ScopeNames = names;
        RequestParameters = (Request.HasFormContentType ? Request.Form.Where(p => !p.Key.StartsWith("__", StringComparison.Ordinal)) : Request.Query)
            .SelectMany(p => p.Value.Select(value => new KeyValuePair<string, string>(p.Key, value ?? "")))
            .ToList();
    }

    private ForbidResult Reject(string error, string description) => Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
}
