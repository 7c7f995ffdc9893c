using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Keys;
using CustomerPortal.Identity.Seeding;
using CustomerPortal.ServiceDefaults.Hosting;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CustomerPortal.Identity.Connect;

public static class OpenIddictSetup
{
    public const string AuthorizePath = "/connect/authorize";
    public const string TokenPath = "/connect/token";
    public const string UserInfoPath = "/connect/userinfo";
    public const string IntrospectionPath = "/connect/introspect";
    public const string RevocationPath = "/connect/revoke";
    public const string EndSessionPath = "/connect/logout";

    public static IServiceCollection AddPortalTokenServer(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var server = configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();
        if (!server.RequireHttps && !environment.IsDevelopment())
        {
            throw new ConfigurationException(
                $"The setting '{ServerOptions.Section}:RequireHttps' may be false only in Development; remove it or set it to true.");
        }

        var keyOptions = configuration.GetSection(KeyOptions.Section).Get<KeyOptions>() ?? new KeyOptions();
        var seed = SeedFolder.From(configuration, environment);

        services.AddScoped<PortalPrincipalFactory>();
        services.AddSingleton<ScopeResources>();
        services.AddSingleton<CurrentApplications>();
        services.AddOptions<PruningOptions>().Bind(configuration.GetSection(PruningOptions.Section))
            .Validate(o => o.Interval > TimeSpan.Zero && o.Retention >= TimeSpan.Zero, "Pruning:Interval must be positive and Pruning:Retention not negative.")
            .ValidateOnStart();
        services.AddScoped<TokenPruning>();
        services.AddHostedService<TokenPruningWorker>();
        services.AddScoped<SignInEligibility>();
        services.AddScoped<RegisteredAppOrigins>();

        services.AddOpenIddict()
            .AddCore(core =>
            {
                core.UseEntityFrameworkCore().UseDbContext<PortalDbContext>();
                core.ReplaceApplicationManager<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication, RememberingApplicationManager>();
            })
            .AddServer(options =>
            {
                options.SetAuthorizationEndpointUris(AuthorizePath)
                    .SetTokenEndpointUris(TokenPath)
                    .SetUserInfoEndpointUris(UserInfoPath)
                    .SetIntrospectionEndpointUris(IntrospectionPath)
                    .SetRevocationEndpointUris(RevocationPath)
                    .SetEndSessionEndpointUris(EndSessionPath);

                // RFC 9700: code flow with PKCE (S256 only) for every client; no implicit, no password grant.
                options.AllowAuthorizationCodeFlow()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow()
                    .RequireProofKeyForCodeExchange();
                options.Configure(o =>
                {
                    o.CodeChallengeMethods.Clear();
                    o.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);
                    // Only one account per browser: nothing to select, so the value is not advertised.
                    o.PromptValues.Remove(PromptValues.SelectAccount);
                });

                // A redeemed refresh token presented again revokes the whole grant at once.
                options.SetRefreshTokenReuseLeeway(null);
                options.DisableSlidingRefreshTokenExpiration();

                options.SetAuthorizationCodeLifetime(server.AuthorizationCodeLifetime)
                    .SetAccessTokenLifetime(server.AccessTokenLifetime)
                    .SetIdentityTokenLifetime(server.IdentityTokenLifetime)
                    .SetRefreshTokenLifetime(server.RefreshTokenLifetime);

                if (server.Issuer is not null)
                {
                    options.SetIssuer(server.Issuer);
                }

                options.RegisterScopes([.. seed.ScopeNames()]);
                options.RegisterClaims([.. ClaimDestinations.Published]);

                var keys = TokenKeys.Load(keyOptions, environment, DataFolder.Resolve(configuration, environment));
                options.AddSigningCertificate(keys.Signing).AddEncryptionCertificate(keys.Encryption);
                // OpenIddict puts symmetric keys first: access and refresh tokens and codes use
                // these, ID tokens the RSA certificate (see DerivedTokenKeys).
                var derived = DerivedTokenKeys.From(keys.Signing, keys.Encryption);
                options.AddSigningKey(derived.Signing).AddEncryptionKey(derived.Encryption);

                // Access and ID tokens have no rows; their grant's authorization decides whether they still hold.
                options.AddEventHandler(Tokens.UnstoredAccessTokens.Descriptor);
                options.AddEventHandler(Tokens.GrantOfUnstoredToken.ServerDescriptor);
                options.AddEventHandler(Tokens.RevokeGrantOnRefreshReplay.Descriptor);
                options.RemoveEventHandler(OpenIddictServerHandlers.Revocation.RevokeToken.Descriptor);
                options.AddEventHandler(Tokens.RevocationEndsTheGrant.Descriptor);
                options.AddEventHandler(Sessions.SessionSetup.DiscoveryDescriptor);
                options.AddEventHandler(AuthenticationMethods.DiscoveryDescriptor);

                var aspNetCore = options.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableStatusCodePagesIntegration();
                if (!server.RequireHttps)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            // The IdP's own API (the address book) accepts the access tokens it issues, and only
            // while they and their grant are still valid in the database: a revoked grant, a
            // password change or a lock ends them on their next use, not when they expire.
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.EnableTokenEntryValidation();
                validation.EnableAuthorizationEntryValidation();
                validation.AddEventHandler(Tokens.GrantOfUnstoredToken.ValidationDescriptor);
                validation.UseAspNetCore();
                validation.AddAudiences(Account.Addresses.AddressApi.Audience);
            });
        return services;
    }
}
