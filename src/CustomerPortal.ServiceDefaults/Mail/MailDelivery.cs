using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CustomerPortal.ServiceDefaults.Mail;

/// <summary>
/// One pass over the outbox. Each message is claimed (Sending, with a lease) and committed
/// before it goes to SMTP, then marked Sent. A transient failure (connection refused, timeout,
/// SMTP 4xx) puts it back with a growing delay until <see cref="MailOptions.GiveUpAfter"/> has
/// passed since it was queued; a permanent rejection (SMTP 5xx for the recipient or the message)
/// makes it Failed at once, with the server's reason for staff. A success after failures makes
/// every waiting message due, so an outage ends for all of them within one pass. A message found
/// still Sending after its lease may or may not have been delivered: it is sent again with the
/// same Message-Id (at least once: a duplicate costs less than a missing activation mail) and
/// keeps <see cref="OutboxMessage.WasUncertain"/> for staff. The same algorithm serves every
/// part that sends mail, over the outbox of that part's own database.
/// </summary>
public sealed class MailDelivery(
    IMailOutboxContext db, IMailTransport transport, IOptions<MailOptions> options, TimeProvider clock, MailServerState server,
    ILogger<MailDelivery> logger)
{
    private const int BatchSize = 20;

    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await RequeueAbandonedAsync(cancellationToken);
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

        // The server is back (or this mail's trouble is over): whatever waits for its next attempt goes now,
        // instead of each message waiting out its own back-off after the outage has ended.
        if (server.RecordSuccess() || message.Attempts > 1)
        {
            var woken = await db.OutboxMessages
                .Where(m => m.Status == OutboxStatus.Pending && m.Attempts > 0 && m.NextAttemptAt > now)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.NextAttemptAt, now), CancellationToken.None);
            if (woken > 0)
            {
                logger.LogInformation("Delivery succeeded after failures; {Count} waiting mail(s) are tried now", woken);
            }
        }
    }

    private async Task RecordFailureAsync(OutboxMessage message, Exception error, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var permanent = IsPermanent(error);
        if (!permanent && !IsAboutTheRecipient(error))
        {
            server.RecordFailure();
        }
        var deadline = message.CreatedAt + settings.GiveUpAfter;
        var giveUp = permanent || now >= deadline;
        var delay = settings.RetryDelayAfter(message.Attempts);
        var next = now + delay < deadline ? now + delay : deadline;
        var description = Describe(error);
        await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, giveUp ? OutboxStatus.Failed : OutboxStatus.Pending)
            .SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.LeaseExpiresAt, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, description.Length > 1000 ? description[..1000] : description), CancellationToken.None);
        logger.LogWarning("Mail {MailId} ({Template}) attempt {Attempt} failed: {Error}; {Next}",
            message.Id, message.Template, message.Attempts, error.GetType().Name,
            permanent ? "rejected for good" : giveUp ? "giving up" : $"retrying in {next - now}");
    }

    /// <summary>
    /// The server refused the recipient or the message with a 5xx reply: trying again gives the same answer.
    /// Everything else (connection refused, timeouts, broken connections, 4xx, a rejected sender or login,
    /// which the operator can fix) is transient.
    /// </summary>
    public static bool IsPermanent(Exception error) =>
        error is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted } command
        && (int)command.StatusCode >= 500;

    /// <summary>A 4xx about one recipient or message (mailbox full, greylisting): the server itself is up.</summary>
    private static bool IsAboutTheRecipient(Exception error) =>
        error is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted };

    /// <summary>For staff: the server's reply code and reason when it answered, else the exception.</summary>
    internal static string Describe(Exception error) => error is SmtpCommandException command
        ? $"SMTP {(int)command.StatusCode}: {command.Message}"
        : $"{error.GetType().Name}: {error.Message}";

    /// <summary>
    /// A message still Sending after its lease was cut off by a crash (or a stop) and may or may not have
    /// reached the server. It is sent again, with the same Message-Id so that receiving systems can tell a
    /// repeat, and marked for staff as having been uncertain.
    /// </summary>
    private async Task RequeueAbandonedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var abandoned = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Sending && m.LeaseExpiresAt < now)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.LeaseExpiresAt, (DateTimeOffset?)null)
                .SetProperty(m => m.WasUncertain, true)
                .SetProperty(m => m.LastError, "The delivery was interrupted and may have arrived; sent again with the same Message-Id."),
                cancellationToken);
        if (abandoned > 0)
        {
            logger.LogWarning("{Count} mail(s) were interrupted during delivery and are sent again with the same Message-Id", abandoned);
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
