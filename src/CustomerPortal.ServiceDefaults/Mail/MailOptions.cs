using System.ComponentModel.DataAnnotations;

namespace CustomerPortal.ServiceDefaults.Mail;

/// <summary>
/// Configuration section "Mail", with the same keys in every part that sends mail (the IdP and the
/// support app); a part may change the defaults before the section is bound (see <see cref="MailOutboxSetup"/>).
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    [Required, EmailAddress]
    public string From { get; set; } = "no-reply@customer-portal.localhost";

    /// <summary>Display name of the sender; none when unset (the support app sets the portal's name as its default).</summary>
    public string? FromName { get; set; }

    /// <summary>Without a host, mails are written as .eml files into <see cref="PickupFolder"/> instead.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Where .eml files go when no SMTP host is set; by default "mail" in the data folder.</summary>
    public string? PickupFolder { get; set; }

    /// <summary>
    /// Whether this process runs the delivery worker. Every node may (claims keep them from
    /// sending the same message); an operator can keep delivery to some nodes only.
    /// </summary>
    public bool DeliverInBackground { get; set; } = true;

    /// <summary>How often the outbox is checked when nothing wakes the worker sooner.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long after it was queued a mail that keeps failing for transient reasons (connection refused, timeouts,
    /// SMTP 4xx) is still retried; after that it is Failed. Replaces the former Mail:MaxAttempts, which is ignored.
    /// </summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>First retry delay; doubled after each failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long to wait after the <paramref name="attempts"/>-th failed attempt: <see cref="RetryDelay"/>,
    /// doubled each time, at most <see cref="MaxRetryDelay"/>.
    /// </summary>
    public TimeSpan RetryDelayAfter(int attempts) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, RetryDelay.Ticks * (1L << Math.Clamp(attempts - 1, 0, 20))));

    /// <summary>
    /// How long delivered and failed messages stay in the outbox (for the staff console) before the IdP's
    /// pruning deletes them; the support app does not prune its outbox.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long one delivery may take before the message counts as abandoned.</summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(2);
}
