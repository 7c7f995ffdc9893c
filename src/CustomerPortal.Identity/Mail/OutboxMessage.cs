namespace CustomerPortal.Identity.Mail;

/// <summary>
/// An email waiting for delivery, written in the same transaction as the change that causes it,
/// so it is neither lost when SMTP is down nor sent for a change that was rolled back.
/// </summary>
public class OutboxMessage
{
    public Guid Id { get; set; }

    /// <summary>Which template produced it (registration-received, verify-email, ...), for the staff console.</summary>
    public string Template { get; set; } = "";
    public string? UserId { get; set; }
    public string Recipient { get; set; } = "";
    public string Subject { get; set; } = "";
    public string HtmlBody { get; set; } = "";
    public string TextBody { get; set; } = "";

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>While Sending: when the claim runs out. A message still Sending after that may or may not have gone out.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The exception type and message of the last failure; never the body.</summary>
    public string? LastError { get; set; }
}

public enum OutboxStatus
{
    Pending = 0,
    Sending = 1,
    Sent = 2,

    /// <summary>
    /// The process stopped between handing the message to SMTP and recording it. Resending
    /// could deliver it twice, so it waits for staff to check the recipient and retry.
    /// </summary>
    Uncertain = 3,

    /// <summary>Every attempt failed; staff may retry.</summary>
    Failed = 4,
}
