using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CustomerPortal.Identity.Seeding;

/// <summary>Creates or updates one OpenIddict application per file in seed/clients/.</summary>
public sealed class ClientSeeder(
    IOpenIddictApplicationManager applications, IConfiguration configuration, IHostEnvironment environment, ILogger<ClientSeeder> logger)
{
    /// <summary>Clients:{client id}:Secret, the secrets that stay out of seed/ outside Development.</summary>
    public const string ConfigurationSection = "Clients";

    public async Task SeedAsync(SeedFolder seed, CancellationToken cancellationToken)
    {
        foreach (var (file, client) in seed.Clients())
        {
            var descriptor = Describe(client, file);
            if (await applications.FindByClientIdAsync(client.ClientId, cancellationToken) is { } existing)
            {
                await applications.UpdateAsync(existing, descriptor, cancellationToken);
                logger.LogInformation("Client {ClientId} updated from {File}", client.ClientId, Path.GetFileName(file));
            }
            else
            {
                await applications.CreateAsync(descriptor, cancellationToken);
                logger.LogInformation("Client {ClientId} registered from {File}", client.ClientId, Path.GetFileName(file));
            }
        }
    }

    private OpenIddictApplicationDescriptor Describe(ClientSeed client, string file)
    {
        var confidential = client.Type switch
        {
            "confidential" => true,
            "public" => false,
            _ => throw new SeedException($"{file}: \"type\" must be \"confidential\" or \"public\", not \"{client.Type}\"."),
        };
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            DisplayName = client.DisplayName,
            ClientType = confidential ? ClientTypes.Confidential : ClientTypes.Public,
            ApplicationType = confidential ? ApplicationTypes.Web : ApplicationTypes.Native,
            ConsentType = client.Consent switch
            {
                "implicit" => ConsentTypes.Implicit,
                "explicit" => ConsentTypes.Explicit,
                _ => throw new SeedException($"{file}: \"consent\" must be \"implicit\" or \"explicit\", not \"{client.Consent}\"."),
            },
            ClientSecret = confidential ? SecretOf(client, file) : null,
        };
        foreach (var (language, name) in client.DisplayNames)
        {
            descriptor.DisplayNames[new System.Globalization.CultureInfo(language)] = name;
        }
        foreach (var uri in client.RedirectUris)
        {
            descriptor.RedirectUris.Add(AbsoluteUri(uri, file));
        }
        foreach (var uri in client.PostLogoutRedirectUris)
        {
            descriptor.PostLogoutRedirectUris.Add(AbsoluteUri(uri, file));
        }
        if (client.BackchannelLogoutUri is { } backchannel)
        {
            descriptor.Properties[Connect.Sessions.LogoutNotifier.BackchannelLogoutUriProperty] =
                System.Text.Json.JsonSerializer.SerializeToElement(AbsoluteUri(backchannel, file).AbsoluteUri);
        }
        if (client.CompanyOrdersUri is { } companyOrders)
        {
            descriptor.Properties[CompanyOrdersQuery.UriProperty] =
                System.Text.Json.JsonSerializer.SerializeToElement(AbsoluteUri(companyOrders, file).AbsoluteUri);
        }
        AddPermissions(descriptor, client, confidential, file);
        return descriptor;
    }

    private static void AddPermissions(OpenIddictApplicationDescriptor descriptor, ClientSeed client, bool confidential, string file)
    {
        var permissions = descriptor.Permissions;
        foreach (var grant in client.GrantTypes)
        {
            switch (grant)
            {
                case GrantTypes.AuthorizationCode:
                    permissions.UnionWith([Permissions.Endpoints.Authorization, Permissions.Endpoints.EndSession,
                        Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code]);
                    // RFC 9700: PKCE for every client, confidential ones included.
                    descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
                    break;
                case GrantTypes.RefreshToken:
                    permissions.Add(Permissions.GrantTypes.RefreshToken);
                    break;
                case GrantTypes.ClientCredentials when confidential:
                    permissions.Add(Permissions.GrantTypes.ClientCredentials);
                    break;
                default:
                    throw new SeedException($"{file}: grant type \"{grant}\" is not allowed here " +
                        "(authorization_code, refresh_token, and client_credentials for confidential clients).");
            }
        }
        permissions.Add(Permissions.Endpoints.Token);
        permissions.Add(Permissions.Endpoints.Revocation);
        if (confidential)
        {
            // Only a client that can authenticate may ask what a token means.
            permissions.Add(Permissions.Endpoints.Introspection);
        }
        foreach (var scope in client.Scopes.Where(scope => scope != Scopes.OpenId))
        {
            permissions.Add(Permissions.Prefixes.Scope + scope);
        }
    }

    private string SecretOf(ClientSeed client, string file)
    {
        var setting = $"{ConfigurationSection}:{client.ClientId}:Secret";
        if (configuration[setting] is { Length: > 0 } configured)
        {
            return configured;
        }
        if (client.Secret is { Length: > 0 } literal)
        {
            if (environment.IsDevelopment())
            {
                return literal;
            }
            throw new SeedException($"{file}: a literal \"secret\" is accepted only in Development; set '{setting}' in configuration instead.");
        }
        throw new SeedException($"{file}: the confidential client '{client.ClientId}' needs a secret; set '{setting}' in configuration.");
    }

    private static Uri AbsoluteUri(string value, string file) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && string.IsNullOrEmpty(uri.Fragment)
            ? uri
            : throw new SeedException($"{file}: \"{value}\" is not an absolute URI without a fragment.");
}
