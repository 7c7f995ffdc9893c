using CustomerPortal.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.Identity.Audit;

/// <summary>Configuration section "Audit".</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>Events older than this are deleted, once a day.</summary>
    public int RetentionDays { get; set; } = 365;
}

/// <summary>Deletes audit events past the retention period, at start-up and then daily.</summary>
public sealed class AuditRetention(
    IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<AuditOptions> options,
    TimeProvider clock, ILogger<AuditRetention> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(24), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                var cutoff = clock.GetUtcNow().AddDays(-options.Value.RetentionDays);
                var deleted = await db.AuditEvents.Where(e => e.At < cutoff).ExecuteDeleteAsync(stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("{Count} audit events older than {Days} days deleted", deleted, options.Value.RetentionDays);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "Audit retention pass failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
