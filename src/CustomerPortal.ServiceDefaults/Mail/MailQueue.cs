namespace CustomerPortal.ServiceDefaults.Mail;

/// <summary>
/// Queues an email in the caller's unit of work: it becomes visible to the delivery worker only
/// when the caller's SaveChanges (and transaction) commits the change that caused it. What the
/// mail says is the caller's business (the IdP's templates, the support app's texts).
/// </summary>
public sealed class MailQueue(IMailOutboxContext db, TimeProvider clock, MailSignal signal)
{
    /// <param name="template">What kind of mail it is, for the staff console and the logs.</param>
    /// <param name="htmlBody">Empty for a plain-text mail.</param>
    public OutboxMessage Add(string template, string recipient, string subject, string textBody, string htmlBody = "", string? userId = null)
    {
        var now = clock.GetUtcNow();
        var message = new OutboxMessage
        {
            Id = Guid.NewGuid(),
            Template = template,
            UserId = userId,
            Recipient = recipient,
            Subject = subject,
            HtmlBody = htmlBody,
            TextBody = textBody,
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

/// <summary>
/// Whether this process's last attempt found the mail server unreachable (or failing as a whole), so that the
/// next success can wake every mail waiting out its back-off. A 4xx about one recipient does not count.
/// </summary>
public sealed class MailServerState
{
    private int _failing;

    public void RecordFailure() => Interlocked.Exchange(ref _failing, 1);

    /// <summary>Records a success; true when it ends a run of failures.</summary>
    public bool RecordSuccess() => Interlocked.Exchange(ref _failing, 0) == 1;
}
