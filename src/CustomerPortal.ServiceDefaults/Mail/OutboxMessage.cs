using Microsoft.EntityFrameworkCore;

namespace CustomerPortal.ServiceDefaults.Mail;

/// <summary>
/// An email waiting for delivery, written in the same transaction as the change that causes it,
/// so it is neither lost when SMTP is down nor sent for a change that was rolled back. The IdP
/// and the support app keep their mails in this one shape and deliver them with <see cref="MailDelivery"/>.
/// </summary>
public class OutboxMessage
{
    public Guid Id { get; set; }

    /// <summary>Which template produced it (registration-received, inquiry-acknowledgement, ...), for the staff console and the logs.</summary>
    public string Template { get; set; } = "";
    public string? UserId { get; set; }
    public string Recipient { get; set; } = "";
    public string Subject { get; set; } = "";

    /// <summary>Empty for a plain-text mail.</summary>
    public string HtmlBody { get; set; } = "";
    public string TextBody { get; set; } = "";

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>While Sending: when the claim runs out. A message still Sending after that may or may not have gone out.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The exception type and message of the last failure, or the server's reason for a rejection; never the body.</summary>
    public string? LastError { get; set; }

    /// <summary>
    /// A delivery of this message was interrupted (the process stopped while it was Sending), so it was sent
    /// again with the same Message-Id and may have arrived twice; kept for staff after it is delivered.
    /// </summary>
    public bool WasUncertain { get; set; }
}

public enum OutboxStatus
{
    Pending = 0,
    Sending = 1,
    Sent = 2,

    /// <summary>
    /// No longer set: an interrupted delivery is now sent again after its lease (see <see cref="OutboxMessage.WasUncertain"/>).
    /// Rows left in this state by older versions wait for staff to retry them.
    /// </summary>
    Uncertain = 3,

    /// <summary>The server rejected the message for good (SMTP 5xx), or it could not be delivered within Mail:GiveUpAfter; staff may retry.</summary>
    Failed = 4,
}

/// <summary>The app's DbContext keeps a mail outbox (call <see cref="MailOutboxModel.MapMailOutbox"/> in OnModelCreating).</summary>
public interface IMailOutboxContext
{
    DbSet<OutboxMessage> OutboxMessages { get; }
}

public static class MailOutboxModel
{
    /// <summary>The outbox, read by status and due time.</summary>
    /// <param name="table">The table's name when it is not the DbSet's (the support app keeps its older name).</param>
    public static ModelBuilder MapMailOutbox(this ModelBuilder model, string? table = null)
    {
        model.Entity<OutboxMessage>(entity =>
        {
            if (table is not null)
            {
                entity.ToTable(table);
            }
            entity.HasKey(m => m.Id);
            entity.Property(m => m.Template).HasMaxLength(50);
            entity.Property(m => m.Recipient).HasMaxLength(256);
            entity.Property(m => m.Subject).HasMaxLength(500);
            entity.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
            entity.Property(m => m.LastError).HasMaxLength(1000);
            entity.HasIndex(m => new { m.Status, m.NextAttemptAt });
        });
        return model;
    }
}
