using CustomerPortal.Identity.Activation;
using CustomerPortal.Identity.Connect;
using CustomerPortal.Identity.Registration;
using CustomerPortal.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CustomerPortal.Identity.Security;

/// <summary>
/// The address the IdP is reached at, for links in emails. It never comes from the request: a
/// Host or X-Forwarded-Host header is chosen by whoever sends the request, and a reset link built
/// from it would carry the victim's token to the attacker's site.
/// </summary>
public sealed class PublicOrigin(IConfiguration configuration, IHostEnvironment environment, IServer server)
{
    public const string Setting = $"{RegistrationOptions.Section}:{nameof(RegistrationOptions.PublicOrigin)}";
    private const string IssuerSetting = $"{ServerOptions.Section}:{nameof(ServerOptions.Issuer)}";

    private Uri? _resolved;

    /// <summary>The origin with a trailing slash, so that relative paths resolve below it.</summary>
    public Uri Value => _resolved ??= Configured(configuration) ?? FirstListeningAddress();

    /// <summary><c>Registration:PublicOrigin</c>, else <c>Server:Issuer</c>; null when neither is set.</summary>
    public static Uri? Configured(IConfiguration configuration)
    {
        foreach (var setting in new[] { Setting, IssuerSetting })
        {
            var text = configuration[setting];
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(uri.Query))
            {
                throw new ConfigurationException($"The setting '{setting}' must be an absolute http or https address, such as https://portal.example.co.jp/.");
            }
            return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
        }
        return null;
    }

    /// <summary>Outside Development the origin must be configured: there is no safe address to guess.</summary>
    public static void RequireConfiguredOutsideDevelopment(IConfiguration configuration, IHostEnvironment environment)
    {
        if (Configured(configuration) is null && !environment.IsDevelopment())
        {
            throw new ConfigurationException(
                $"The setting '{Setting}' (or '{IssuerSetting}') is missing. Outside Development the IdP needs its public address " +
                "(such as https://portal.example.co.jp/) for the links it mails.");
        }
    }

    /// <summary>Development without a configured origin: where Kestrel listens (the Quick start's http://localhost:5101).</summary>
    private Uri FirstListeningAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (!environment.IsDevelopment() || address is null
            || !Uri.TryCreate(address.Replace("://+", "://localhost").Replace("://*", "://localhost"), UriKind.Absolute, out var uri))
        {
            throw new ConfigurationException($"Set '{Setting}' to the IdP's public address: the links in emails need it.");
        }
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : uri.Host;
        return new UriBuilder(uri.Scheme, host, uri.Port, "/").Uri;
    }
}
