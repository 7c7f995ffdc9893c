using System.Globalization;
using System.Security.Claims;
using CustomerPortal.Identity.Account.Addresses;
using CustomerPortal.Identity.Connect;
using CustomerPortal.Identity.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace CustomerPortal.Identity.Account;

public static class AccountSetup
{
    public const string LoginPath = "/account/login";

    public static IServiceCollection AddPortalAccounts(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddIdentity<PortalUser, PortalRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // The user name is the email address, whatever characters it legitimately holds.
                options.User.AllowedUserNameCharacters = "";
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                // Version 3 stores passkeys (AspNetUserPasskeys); the design-time factories say the same (DesignTimeIdentity).
                options.Stores.SchemaVersion = DesignTimeIdentity.SchemaVersion;
                configuration.GetSection("Identity").Bind(options);

                // OpenIddict's claim names, so the cookie principal and the tokens speak alike.
                options.ClaimsIdentity.UserIdClaimType = OpenIddict.Abstractions.OpenIddictConstants.Claims.Subject;
                options.ClaimsIdentity.UserNameClaimType = OpenIddict.Abstractions.OpenIddictConstants.Claims.Name;
                options.ClaimsIdentity.RoleClaimType = OpenIddict.Abstractions.OpenIddictConstants.Claims.Role;
                options.ClaimsIdentity.EmailClaimType = OpenIddict.Abstractions.OpenIddictConstants.Claims.Email;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = LoginPath;
            cookie.LogoutPath = OpenIddictSetup.EndSessionPath;
            cookie.AccessDeniedPath = "/error/403";
            cookie.Cookie.Name = "portal.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            // Plain HTTP exists only in Development on loopback; everywhere else the cookie is HTTPS-only.
            cookie.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.Events.OnSigningIn = StampAuthenticationTime;
            Connect.Sessions.SessionCookie.Configure(cookie);
        });

        // Between a right password and the second factor (or the enrolment it requires): long
        // enough to set up an authenticator app, no longer.
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, pending =>
        {
            pending.Cookie.Name = "portal.pending";
            pending.Cookie.HttpOnly = true;
            pending.Cookie.SameSite = SameSiteMode.Lax;
            pending.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            pending.ExpireTimeSpan = TimeSpan.FromMinutes(15);
            pending.SlidingExpiration = false;
        });
        // "Don't ask again on this browser" (customers only, see SecondFactorPolicy).
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme)
            .Configure<Microsoft.Extensions.Options.IOptions<SecondFactor.SecondFactorOptions>>((remember, secondFactor) =>
            {
                remember.Cookie.Name = "portal.remembered";
                remember.Cookie.HttpOnly = true;
                remember.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                remember.ExpireTimeSpan = secondFactor.Value.RememberBrowserFor;
            });

        // The sign-in cookie is re-validated against the user's security stamp, so a password
        // change or a lock ends other sessions within this interval.
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.FromMinutes(1);
            options.OnRefreshingPrincipal = context =>
            {
                // When and how the user authenticated and which IdP session this is survive the refresh.
                var kept = new[]
                {
                    PortalClaims.AuthenticationTime, PortalClaimTypes.SessionId,
                    OpenIddict.Abstractions.OpenIddictConstants.Claims.AuthenticationMethodReference, PortalClaims.SecondFactorTime,
                };
                foreach (var claim in context.CurrentPrincipal?.Claims.Where(c => kept.Contains(c.Type)) ?? [])
                {
                    (context.NewPrincipal?.Identity as ClaimsIdentity)?.AddClaim(new Claim(claim.Type, claim.Value, claim.ValueType));
                }
                return Task.CompletedTask;
            };
        });

        services.AddScoped<Addresses.AddressBook>();
        services.AddScoped<Preferences.ContactPreferences>();
        services.AddScoped<EmailChangeMails>();
        services.AddScoped<EmailChange>();
        services.AddOptions<SignIn.KnownBrowserOptions>().Bind(configuration.GetSection(SignIn.KnownBrowserOptions.Section));
        services.AddScoped<SignIn.KnownBrowsers>();
        services.AddScoped<SignIn.Lockouts>();
        services.AddScoped<SignIn.PasswordSignIn>();
        services.AddScoped<SignIn.PendingSignIn>();
        services.AddScoped<SignIn.SignInCompletion>();
        services.AddOptions<SecondFactor.SecondFactorOptions>().Bind(configuration.GetSection(SecondFactor.SecondFactorOptions.Section));
        services.AddScoped<SecondFactor.SecondFactorPolicy>();
        services.AddScoped<SignIn.AttemptLimits>();
        services.AddScoped<SecondFactor.AuthenticatorApp>();
        services.AddScoped<SecondFactor.TwoStepSettings>();
        services.AddScoped<SecondFactor.SecondFactorMails>();
        services.AddScoped<Passkeys.PasskeyCeremony>();
        services.AddScoped<Passkeys.PasskeySignIn>();
        services.AddScoped<Passkeys.AccountPasskeys>();
        services.AddOptions<IdentityPasskeyOptions>().Configure<IConfiguration, IHostEnvironment>(Passkeys.PasskeyRules.Configure);
        services.AddScoped<CurrentPasswordCheck>();
        services.AddSingleton<CurrentPasswordThrottle>();
        services.AddScoped<Passwords.PasswordMails>();
        services.AddScoped<Passwords.PasswordChanges>();
        services.AddScoped<GrantRevocation>();
        services.AddScoped<ConnectedApps>();
        services.AddScoped<Machines.UserMachines>();
        services.AddAuthorizationBuilder().AddAddressApiPolicy();

        services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(options =>
        {
            options.Cookie.Name = "portal.antiforgery";
            options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        return services;
    }

    /// <summary>A new sign-in (not a cookie refresh) records when the password was typed.</summary>
    private static Task StampAuthenticationTime(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == PortalClaims.AuthenticationTime))
        {
            var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            identity.AddClaim(new Claim(
                PortalClaims.AuthenticationTime, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        }
        return Task.CompletedTask;
    }

    public static DateTimeOffset? AuthenticatedAt(this ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirst(PortalClaims.AuthenticationTime)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
