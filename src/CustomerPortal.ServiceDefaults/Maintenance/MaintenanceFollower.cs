using System.Net.Http.Json;
using CustomerPortal.ServiceDefaults.SignIn;

namespace CustomerPortal.ServiceDefaults.Maintenance;

/// <summary>
/// A relying app's view of the IdP's maintenance switch: asked at most every few seconds, so a
/// switch in the staff console closes the apps too, without a restart. When the IdP cannot be
/// asked, the last answer stands (an unreachable IdP is not a reason to close the app).
/// </summary>
public sealed class MaintenanceFollower(
    IHttpClientFactory clients, PortalSignInOptions settings, TimeProvider clock, ILogger<MaintenanceFollower> logger) : IDisposable
{
    private readonly SemaphoreSlim _asking = new(1, 1);
    private MaintenanceStatus _status = MaintenanceStatus.Off;
    private DateTimeOffset _askedAt = DateTimeOffset.MinValue;

    public async Task<MaintenanceStatus> CurrentAsync(CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() - _askedAt < settings.MaintenanceCheckInterval)
        {
            return _status;
        }
        await _asking.WaitAsync(cancellationToken);
        try
        {
            if (clock.GetUtcNow() - _askedAt >= settings.MaintenanceCheckInterval)
            {
                try
                {
                    using var http = clients.CreateClient(nameof(MaintenanceFollower));
                    _status = await http.GetFromJsonAsync<MaintenanceStatus>(
                        new Uri(new Uri(settings.Authority), PortalPaths.MaintenanceStatus.TrimStart('/')), cancellationToken) ?? _status;
                }
                catch (Exception error) when (error is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
                {
                    logger.LogWarning("The IdP's maintenance status could not be read: {Error}", error.Message);
                }
                _askedAt = clock.GetUtcNow();
            }
            return _status;
        }
        finally
        {
            _asking.Release();
        }
    }

    public void Dispose() => _asking.Dispose();
}
