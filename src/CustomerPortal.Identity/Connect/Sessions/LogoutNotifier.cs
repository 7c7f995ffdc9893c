using System.Text.Json;
using System.Threading.Channels;
using OpenIddict.Abstractions;

namespace CustomerPortal.Identity.Connect.Sessions;

/// <summary>A logout token on its way to a client's back-channel logout URI.</summary>
public sealed record LogoutDelivery(string ClientId, Uri Endpoint, string LogoutToken);

/// <summary>
/// Builds the logout token of OpenID Connect Back-Channel Logout 1.0 (signed like ID tokens,
/// typ logout+jwt, with sub, sid and the back-channel logout event, never a nonce) and queues it
/// for delivery. OpenIddict has no back-channel logout of its own.
/// </summary>
public sealed class LogoutNotifier(IOpenIddictApplicationManager applications, IdpSignedTokens tokens, Channel<LogoutDelivery> queue)
{
    public const string BackchannelLogoutUriProperty = "backchannel_logout_uri";
    private const string BackchannelLogoutEvent = "http://schemas.openid.net/event/backchannel-logout";

    public async Task NotifyAsync(string clientId, string userId, string sid)
    {
        if (await applications.FindByClientIdAsync(clientId) is not { } application)
        {
            return;
        }
        var properties = await applications.GetPropertiesAsync(application);
        if (!properties.TryGetValue(BackchannelLogoutUriProperty, out var value) || value.ValueKind != JsonValueKind.String
            || !Uri.TryCreate(value.GetString(), UriKind.Absolute, out var endpoint))
        {
            return;
        }
        await queue.Writer.WriteAsync(new LogoutDelivery(clientId, endpoint, CreateToken(clientId, userId, sid)));
    }

    private string CreateToken(string clientId, string userId, string sid) =>
        tokens.Create(clientId, "logout+jwt", TimeSpan.FromMinutes(2), new Dictionary<string, object>
        {
            [OpenIddictConstants.Claims.Subject] = userId,
            [PortalClaimTypes.SessionId] = sid,
            ["events"] = new Dictionary<string, object> { [BackchannelLogoutEvent] = new Dictionary<string, object>() },
        });
}

/// <summary>POSTs queued logout tokens to the clients, retrying a few times; a client that stays down is logged.</summary>
public sealed class LogoutDeliveryWorker(Channel<LogoutDelivery> queue, IHttpClientFactory clients, ILogger<LogoutDeliveryWorker> logger) : BackgroundService
{
    private static readonly TimeSpan[] Delays = [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var delivery in queue.Reader.ReadAllAsync(stoppingToken))
        {
            _ = DeliverAsync(delivery, stoppingToken);
        }
    }

    private async Task DeliverAsync(LogoutDelivery delivery, CancellationToken stoppingToken)
    {
        foreach (var delay in Delays)
        {
            try
            {
                await Task.Delay(delay, stoppingToken);
                using var client = clients.CreateClient(nameof(LogoutDeliveryWorker));
                using var response = await client.PostAsync(delivery.Endpoint,
                    new FormUrlEncodedContent([new KeyValuePair<string, string>("logout_token", delivery.LogoutToken)]), stoppingToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
                logger.LogWarning("Back-channel logout to {ClientId} answered {Status}", delivery.ClientId, (int)response.StatusCode);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException error)
            {
                logger.LogWarning("Back-channel logout to {ClientId} failed: {Error}", delivery.ClientId, error.Message);
            }
        }
        logger.LogError("Back-channel logout to {ClientId} gave up", delivery.ClientId);
    }
}
