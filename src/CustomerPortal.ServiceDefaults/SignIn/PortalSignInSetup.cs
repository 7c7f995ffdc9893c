using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CustomerPortal.ServiceDefaults.Hosting;
using CustomerPortal.ServiceDefaults.SignOut;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CustomerPortal.ServiceDefaults.SignIn;

public static class PortalSignInSetup
{
    /// <summary>
    /// Sign-in against the portal's IdP: a local cookie session, OpenID Connect authorization code
    /// with PKCE, tokens kept in the session and refreshed before they expire, `role` claims as
    /// ASP.NET Core roles, the UI language passed as ui_locales, and back-channel logout ending
    /// the session (map it with <see cref="BackChannelLogoutEndpoint.MapPortalBackChannelLogout"/>).
    /// The app's DbContext holds the ended sessions (<see cref="IEndedSessionsContext"/>).
    /// </summary>
    public static IServiceCollection AddPortalSignIn<TContext>(this IServiceCollection services, IConfiguration configuration, params string[] scopes)
        where TContext : Microsoft.EntityFrameworkCore.DbContext, IEndedSessionsContext
    {
        var settings = configuration.GetSection(PortalSignInOptions.Section).Get<PortalSignInOptions>() ?? new PortalSignInOptions();
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(settings, new ValidationContext(settings), problems, validateAllProperties: true))
        {
            var missing = problems.SelectMany(p => p.MemberNames).Select(m => $"{PortalSignInOptions.Section}:{m}");
            throw new ConfigurationException($"Sign-in is not configured: set {string.Join(", ", missing)}.");
        }
        services.AddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TokenRefresher>();
        services.AddScoped<EndedSessions>(provider => new EndedSessions(provider.GetRequiredService<TContext>(), provider.GetRequiredService<TimeProvider>()));
        services.AddScoped<IdpTokenValidator>();
        services.AddScoped<LogoutTokenValidator>();
        services.AddHttpClient(nameof(Maintenance.MaintenanceFollower), client => client.Timeout = TimeSpan.FromSeconds(3));
        services.AddSingleton<Maintenance.MaintenanceFollower>();

        var cookiePolicy = settings.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(options =>
            {
                options.Cookie.Name = $".{settings.ClientId}.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = cookiePolicy;
                options.ExpireTimeSpan = settings.SessionIdleTimeout;
                options.SlidingExpiration = true;
                options.AccessDeniedPath = "/access-denied";
                options.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
            })
            .AddOpenIdConnect(options =>
            {
                options.Authority = settings.Authority;
                options.RequireHttpsMetadata = settings.RequireHttps;
                options.ClientId = settings.ClientId;
                options.ClientSecret = settings.ClientSecret;
                options.ResponseType = OpenIdConnectResponseType.Code;
                options.UsePkce = true;
                // The code comes back in the query: single use and bound to the PKCE verifier, it
                // needs no form_post, whose cross-site POST would need SameSite=None cookies.
                options.ResponseMode = OpenIdConnectResponseMode.Query;
                options.SaveTokens = true;
                // The ID token carries every claim the app needs; no userinfo round trip.
                options.GetClaimsFromUserInfoEndpoint = false;
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = PortalClaimTypes.Name;
                options.TokenValidationParameters.RoleClaimType = PortalClaimTypes.Role;
                options.Scope.Clear();
                foreach (var scope in new[] { OpenIdConnectScope.OpenId, OpenIdConnectScope.OfflineAccess }.Concat(scopes).Distinct())
                {
                    options.Scope.Add(scope);
                }
                // The IdP returns with a top-level GET (query response mode), so Lax is enough; the
                // default None would also be refused by browsers on a plain-HTTP local run.
                options.CorrelationCookie.SecurePolicy = cookiePolicy;
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.NonceCookie.SecurePolicy = cookiePolicy;
                options.NonceCookie.SameSite = SameSiteMode.Lax;
                options.Events.OnRedirectToIdentityProvider = context =>
                {
                    // The IdP shows its sign-in page in the language the user sees here.
                    context.ProtocolMessage.UiLocales = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
                    return Task.CompletedTask;
                };
                options.Events.OnTicketReceived = context =>
                {
                    // The new locale claim carries the user's language as the IdP now has it: a choice
                    // made with this app's switch before (saved at the IdP too) gives way to it.
                    context.HttpContext.RequestServices.GetService<Theming.AppLanguageCookie>()?.Forget(context.HttpContext);
                    return Task.CompletedTask;
                };
                options.Events.OnRemoteFailure = context =>
                {
                    // The user declined consent or the IdP refused: an explained page, not an exception.
                    context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PortalSignInSetup))
                        .LogWarning("Sign-in at the IdP failed: {Reason}", context.Failure?.Message);
                    context.Response.Redirect("/signin-failed");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
        services.AddAuthorization();
        return services;
    }

    /// <summary>Sends the user to the IdP's end-session endpoint, which ends every app's session.</summary>
    public static IEndpointRouteBuilder MapPortalSignOut(this IEndpointRouteBuilder endpoints, string path = "/signout")
    {
        endpoints.MapPost(path, (HttpContext context) => Results.SignOut(
            new AuthenticationProperties { RedirectUri = "/" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]))
            .RequireAuthorization();
        return endpoints;
    }
}
