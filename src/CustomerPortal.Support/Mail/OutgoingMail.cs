namespace CustomerPortal.Support.Mail;

/// <summary>
/// A mail to send, stored with the change that causes it (in one transaction), so an
/// acknowledgement is never lost when SMTP is down; the worker delivers and retries.
/// </summary>
public class OutgoingMail
{
    public Guid Id { get; set; }
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
