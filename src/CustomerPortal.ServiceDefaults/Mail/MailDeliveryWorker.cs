using Microsoft.Extensions.Options;

namespace CustomerPortal.ServiceDefaults.Mail;

/// <summary>Delivers the outbox in the background: at start-up, when woken by a new message, and on a timer.</summary>
public sealed class MailDeliveryWorker(
    IServiceScopeFactory scopes, MailSignal signal, IOptions<MailOptions> options, ILogger<MailDeliveryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DeliverInBackground)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var delivery = scope.ServiceProvider.GetRequiredService<MailDelivery>();
                // Keep going while there is work, so a burst drains without waiting for the timer.
                while (await delivery.DeliverDueAsync(stoppingToken) > 0 && !stoppingToken.IsCancellationRequested)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // The database may be briefly unavailable; the next pass tries again.
                logger.LogError(error, "Mail delivery pass failed");
            }

            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
