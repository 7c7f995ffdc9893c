using CustomerPortal.Identity.Data;
using CustomerPortal.ServiceDefaults.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace CustomerPortal.Identity.Connect;

/// <summary>Configuration section "Pruning".</summary>
public sealed class PruningOptions
{
    public const string Section = "Pruning";

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Expired, revoked or redeemed tokens and authorizations (and used links, ended sessions) older than this go.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(14);
}

/// <summary>
/// Keeps the token tables from growing without end: OpenIddict's own pruning of tokens and
/// authorizations, plus the IdP's used or expired links and ended sessions.
/// </summary>
public sealed class TokenPruning(
    IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations, PortalDbContext db,
    IOptions<PruningOptions> options, IOptions<MailOptions> mail, TimeProvider clock, ILogger<TokenPruning> logger)
{
    public async Task PruneAsync(CancellationToken cancellationToken = default)
    {
        var mailThreshold = clock.GetUtcNow() - mail.Value.Retention;
        var prunedMails = await db.OutboxMessages
            .Where(m => (m.Status == OutboxStatus.Sent || m.Status == OutboxStatus.Failed) && m.CreatedAt < mailThreshold)
            .ExecuteDeleteAsync(cancellationToken);
        if (prunedMails > 0)
        {
            logger.LogInformation("Pruned {Mails} delivered or failed mails older than {Threshold}", prunedMails, mailThreshold);
        }

        var threshold = clock.GetUtcNow() - options.Value.Retention;
        var prunedTokens = await tokens.PruneAsync(threshold, cancellationToken);
        var prunedAuthorizations = await authorizations.PruneAsync(threshold, cancellationToken);
        var prunedLinks = await db.ActivationLinks
            .Where(l => l.CreatedAt < threshold && (l.UsedAt != null || l.ExpiresAt < threshold))
            .ExecuteDeleteAsync(cancellationToken);
        var prunedSessions = await db.UserSessions.Where(s => s.EndedAt != null && s.EndedAt < threshold).ExecuteDeleteAsync(cancellationToken);
        logger.LogInformation("Pruned {Tokens} tokens, {Authorizations} authorizations, {Links} links and {Sessions} sessions older than {Threshold}",
            prunedTokens, prunedAuthorizations, prunedLinks, prunedSessions, threshold);
    }
}

public sealed class TokenPruningWorker(
    IServiceScopeFactory scopes, IOptions<PruningOptions> options, TimeProvider clock, ILogger<TokenPruningWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<TokenPruning>().PruneAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "Pruning pass failed");
            }
        }
    }
}
