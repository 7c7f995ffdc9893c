using System.Threading.Channels;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace CustomerPortal.Identity.Connect.Sessions;

public static class SessionSetup
{
    public static IServiceCollection AddPortalSessions(this IServiceCollection services)
    {
        services.AddSingleton(Channel.CreateUnbounded<LogoutDelivery>());
        services.AddScoped<IdpSignedTokens>();
        services.AddScoped<LogoutNotifier>();
        services.AddScoped<BrowserSessions>();
        services.AddHttpClient(nameof(LogoutDeliveryWorker), client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddHostedService<LogoutDeliveryWorker>();
        return services;
    }

    /// <summary>Discovery advertises Back-Channel Logout 1.0 with sid in ID and logout tokens.</summary>
    public static OpenIddictServerHandlerDescriptor DiscoveryDescriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleConfigurationRequestContext>()
            .UseInlineHandler(context =>
            {
                context.Metadata["backchannel_logout_supported"] = true;
                context.Metadata["backchannel_logout_session_supported"] = true;
                return default;
            })
            .SetOrder(int.MaxValue - 100)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();
}
