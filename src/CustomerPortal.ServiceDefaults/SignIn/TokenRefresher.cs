using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CustomerPortal.ServiceDefaults.SignIn;

/// <summary>The tokens of one session after a refresh.</summary>
public sealed record RefreshedTokens(string AccessToken, string RefreshToken, string? IdToken, DateTimeOffset ExpiresAt);

/// <summary>
/// Exchanges a session's refresh token at the IdP. The IdP rotates refresh tokens and treats a
/// second use of one as theft (the whole grant is revoked), so two requests of the same session
/// that both find the access token stale must share one exchange: they await the same task.
/// </summary>
public sealed class TokenRefresher(
    IOptionsMonitor<OpenIdConnectOptions> oidc,
    PortalSignInOptions settings,
    TimeProvider clock,
    ILogger<TokenRefresher> logger)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<RefreshedTokens?>>> _inFlight = new();

    /// <summary>True when the session's access token expires within the configured margin.</summary>
    public bool IsDue(AuthenticationProperties properties) =>
        properties.GetTokenValue("expires_at") is { } value
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expiresAt)
        && expiresAt - clock.GetUtcNow() < settings.RefreshBeforeExpiry;

    /// <summary>New tokens, or null when the IdP refused the refresh token (the grant is gone: sign in again).</summary>
    public async Task<RefreshedTokens?> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var exchange = _inFlight.GetOrAdd(refreshToken, token => new Lazy<Task<RefreshedTokens?>>(() => ExchangeAsync(token)));
        try
        {
            return await exchange.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            // Keep the answer a little while for requests that read the old cookie after the exchange.
            _ = Task.Delay(TimeSpan.FromSeconds(30), CancellationToken.None)
                .ContinueWith(_ => _inFlight.TryRemove(refreshToken, out var _), TaskScheduler.Default);
        }
    }

    private async Task<RefreshedTokens?> ExchangeAsync(string refreshToken)
    {
        var options = oidc.Get(OpenIdConnectDefaults.AuthenticationScheme);
        var configuration = await options.ConfigurationManager!.GetConfigurationAsync(CancellationToken.None);
        using var response = await options.Backchannel.PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = OpenIdConnectGrantTypes.RefreshToken,
            ["refresh_token"] = refreshToken,
            ["client_id"] = options.ClientId!,
            ["client_secret"] = options.ClientSecret!,
        }));
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        if (!response.IsSuccessStatusCode)
        {
            var error = body.RootElement.TryGetProperty("error", out var code) ? code.GetString() : null;
            logger.LogInformation("The IdP refused the refresh token ({Error}); the session ends", error);
            if (error is "invalid_grant" or "invalid_client" or "unauthorized_client")
            {
                return null;
            }
            throw new HttpRequestException($"Token refresh answered {(int)response.StatusCode} {error}");
        }
        var root = body.RootElement;
        var expiresIn = root.TryGetProperty("expires_in", out var seconds) ? seconds.GetInt32() : 3600;
        return new RefreshedTokens(
            root.GetProperty("access_token").GetString()!,
            root.TryGetProperty("refresh_token", out var rotated) ? rotated.GetString()! : refreshToken,
            root.TryGetProperty("id_token", out var idToken) ? idToken.GetString() : null,
            clock.GetUtcNow().AddSeconds(expiresIn));
    }
}
