using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace CustomerPortal.Identity.Security;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies the operator names in
/// ForwardedHeaders:KnownProxies (addresses) and ForwardedHeaders:KnownNetworks (CIDR). The client
/// address they give is what sign-in throttling counts and the audit log records, so from any
/// other peer they are ignored, ASPNETCORE_FORWARDEDHEADERS_ENABLED=true included (on its own,
/// ASP.NET Core would then believe every peer). The host never comes from a header.
/// </summary>
public static class TrustedProxies
{
    public const string KnownProxiesKey = "ForwardedHeaders:KnownProxies";
    public const string KnownNetworksKey = "ForwardedHeaders:KnownNetworks";

    // ASPNETCORE_FORWARDEDHEADERS_ENABLED, as the host's configuration names it.
    private const string EnabledByEnvironmentKey = "FORWARDEDHEADERS_ENABLED";

    // Named, so that ASP.NET Core's setup for the environment variable (which configures the
    // default options) never reaches these.
    private const string OptionsName = "TrustedProxies";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        // Read now: a value that is not an address or a network stops the start.
        var proxies = AddressSettings.Addresses(configuration, KnownProxiesKey);
        var networks = AddressSettings.Networks(configuration, KnownNetworksKey);

        // The middleware that ASPNETCORE_FORWARDEDHEADERS_ENABLED adds reads the default options:
        // it applies nothing.
        services.PostConfigure<ForwardedHeadersOptions>(options => options.ForwardedHeaders = ForwardedHeaders.None);
        services.Configure<ForwardedHeadersOptions>(OptionsName, options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear(); // loopback is trusted by default; here only what is named
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }
            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
            // Each hop is believed only while the one who reports it is a named proxy, so the chain
            // is walked from our peer back to the first address no named proxy vouches for: that
            // is the client, however many proxies stand in between.
            options.ForwardLimit = null;
            // Proxies append to X-Forwarded-For but usually overwrite X-Forwarded-Proto; with
            // symmetry required, a client sending its own X-Forwarded-For would switch the headers
            // off and be recorded as the proxy.
            options.RequireHeaderSymmetry = false;
        });
        return services;
    }

    /// <summary>Goes first in the pipeline: everything after it sees the client's address and scheme.</summary>
    public static void UseTrustedProxies(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptionsMonitor<ForwardedHeadersOptions>>().Get(OptionsName);
        if (options.KnownProxies.Count > 0 || options.KnownIPNetworks.Count > 0)
        {
            app.UseForwardedHeaders(options);
            return;
        }
        if (string.Equals(app.Configuration[EnabledByEnvironmentKey], "true", StringComparison.OrdinalIgnoreCase))
        {
            app.Logger.LogWarning(
                "ASPNETCORE_FORWARDEDHEADERS_ENABLED is set, but no proxy is named in {KnownProxies} or {KnownNetworks}: " +
                "X-Forwarded-For and X-Forwarded-Proto are ignored",
                KnownProxiesKey, KnownNetworksKey);
        }
    }
}
