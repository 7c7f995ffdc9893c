using CustomerPortal.Identity.Data;

namespace CustomerPortal.Identity.Mail;

/// <summary>
/// Queues an email in the caller's unit of work: it becomes visible to the delivery worker only
/// when the caller's SaveChanges (and transaction) commits the change that caused it.
/// </summary>
public sealed class MailOutbox(PortalDbContext db, MailComposer composer, TimeProvider clock, MailSignal signal)
{
    public OutboxMessage Enqueue(string template, PortalUser user, IReadOnlyDictionary<string, object?> model) =>
        Enqueue(template, user.Email!, user.Locale, model, user.Id);

    public OutboxMessage Enqueue(string template, string recipient, string language, IReadOnlyDictionary<string, object?> model, string? userId = null)
    {
        var mail = composer.Compose(template, language, model);
        var now = clock.GetUtcNow();
        var message = new OutboxMessage
        {
            Id = Guid.NewGuid(),
            Template = template,
            UserId = userId,
            Recipient = recipient,
            Subject = mail.Subject,
            HtmlBody = mail.HtmlBody,
            TextBody = mail.TextBody,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.OutboxMessages.Add(message);
        signal.Notify();
        return message;
    }
}

/// <summary>Wakes the delivery worker early; it also polls, so a missed signal only delays.</summary>
public sealed class MailSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); } catch (SemaphoreFullException) { }
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}
