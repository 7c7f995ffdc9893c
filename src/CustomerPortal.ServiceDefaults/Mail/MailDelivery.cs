using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CustomerPortal.ServiceDefaults.Mail;

/// <summary>
/// One pass over the outbox. Each message is claimed (Sending, with a lease) and committed
/// before it goes to SMTP, then marked Sent. A failure puts it back with a growing delay. A
/// message found still Sending after its lease may already have been delivered, so it is
/// never resent blindly: it becomes Uncertain for staff to check and retry. After
/// <see cref="MailOptions.MaxAttempts"/> failures it is Failed. The same algorithm serves every
/// part that sends mail, over the outbox of that part's own database.
/// </summary>
public sealed class MailDelivery(
    IMailOutboxContext db, IMailTransport transport, IOptions<MailOptions> options, TimeProvider clock, ILogger<MailDelivery> logger)
{
    private const int BatchSize = 20;

    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await SetAsideAbandonedAsync(cancellationToken);
        var delivered = 0;
        foreach (var id in await DueIdsAsync(cancellationToken))
        {
            if (await ClaimAsync(id, cancellationToken) is { } message)
            {
                delivered += await SendClaimedAsync(message, cancellationToken) ? 1 : 0;
            }
        }
        return delivered;
    }

    internal async Task<List<Guid>> DueIdsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Moves the message from Pending to Sending; only one worker (or node) wins.</summary>
    internal async Task<OutboxMessage?> ClaimAsync(Guid id, CancellationToken cancellationToken)
    {
        var lease = clock.GetUtcNow() + options.Value.SendLease;
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, OutboxStatus.Sending)
                .SetProperty(m => m.LeaseExpiresAt, lease)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
        return claimed == 1 ? await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken) : null;
    }

    internal async Task<bool> SendClaimedAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await transport.SendAsync(ToMime(message), cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            await RecordFailureAsync(message, error, cancellationToken);
            return false;
        }
        await MarkSentAsync(message, cancellationToken);
        return true;
    }

    internal async Task MarkSentAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // CancellationToken.None: once SMTP has the message, recording it must not be skipped by shutdown.
        // A delivered mail keeps its metadata but not its body: bodies hold working links
        // (reset, activation, email change), which must not lie in the database for good.
        await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, OutboxStatus.Sent)
            .SetProperty(m => m.SentAt, now)
            .SetProperty(m => m.HtmlBody, "")
            .SetProperty(m => m.TextBody, "")
            .SetProperty(m => m.LeaseExpiresAt, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
        logger.LogInformation("Mail {MailId} ({Template}) delivered", message.Id, message.Template);
    }

    private async Task RecordFailureAsync(OutboxMessage message, Exception error, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var giveUp = message.Attempts >= settings.MaxAttempts;
        var delay = settings.RetryDelayAfter(message.Attempts);
        var next = clock.GetUtcNow() + delay;
        var description = $"{error.GetType().Name}: {error.Message}";
        await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, giveUp ? OutboxStatus.Failed : OutboxStatus.Pending)
            .SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.LeaseExpiresAt, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, description.Length > 1000 ? description[..1000] : description), CancellationToken.None);
        logger.LogWarning("Mail {MailId} ({Template}) attempt {Attempt} failed: {Error}; {Next}",
            message.Id, message.Template, message.Attempts, error.GetType().Name, giveUp ? "giving up" : $"retrying in {delay}");
    }

    private async Task SetAsideAbandonedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var abandoned = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Sending && m.LeaseExpiresAt < now)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, OutboxStatus.Uncertain)
                .SetProperty(m => m.LastError, "The delivery was interrupted; the message may or may not have been sent."), cancellationToken);
        if (abandoned > 0)
        {
            logger.LogWarning("{Count} mail(s) were interrupted during delivery and wait for a staff decision", abandoned);
        }
    }

    internal MimeMessage ToMime(OutboxMessage message)
    {
        var settings = options.Value;
        var mime = new MimeMessage
        {
            // The same Message-Id on every attempt lets receiving systems recognise a repeat.
            MessageId = $"{message.Id:n}@{settings.From.Split('@').Last()}",
            Subject = message.Subject,
            // A plain-text mail (no HTML body) stays a single text/plain part.
            Body = new BodyBuilder { HtmlBody = message.HtmlBody is { Length: > 0 } html ? html : null, TextBody = message.TextBody }.ToMessageBody(),
        };
        mime.From.Add(new MailboxAddress(settings.FromName ?? "", settings.From));
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        return mime;
    }
}
