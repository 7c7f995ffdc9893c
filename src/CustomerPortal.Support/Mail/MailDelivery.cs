using System.ComponentModel.DataAnnotations;
using CustomerPortal.ServiceDefaults.Mail;
using CustomerPortal.Support.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CustomerPortal.Support.Mail;

/// <summary>Configuration section "Mail", with the same keys as the IdP's.</summary>
public sealed class SupportMailOptions
{
    public const string Section = "Mail";

    [Required, EmailAddress]
    public string From { get; set; } = "support@customer-portal.localhost";

    /// <summary>Without a host, mails are written as .eml files into <see cref="PickupFolder"/>.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>By default "mail" in the data folder.</summary>
    public string? PickupFolder { get; set; }

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;
}

/// <summary>Delivers queued mails through the shared transport (SMTP or the pickup folder), retrying with growing delays.</summary>
public sealed class MailDeliveryWorker(
    IServiceScopeFactory scopes, IOptions<SupportMailOptions> options, IMailTransport transport,
    MessageBundle messages, TimeProvider clock, ILogger<MailDeliveryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        do
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
            }
            catch (Exception error) when (error is DbUpdateException or InvalidOperationException)
            {
                logger.LogError("Mail delivery pass failed: {Error}", error.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>How long one delivery may take; a node that dies while sending leaves the mail to be retried after it.</summary>
    private static readonly TimeSpan SendLease = TimeSpan.FromMinutes(2);

    public async Task DeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportDbContext>();
        var now = clock.GetUtcNow().ToUniversalTime();
        var due = await db.OutgoingMails
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now && m.Attempts < options.Value.MaxAttempts)
            .OrderBy(m => m.CreatedAt).Take(20).ToListAsync(cancellationToken);
        foreach (var mail in due)
        {
            // Several nodes may run this worker: a node sends a mail only once it has moved the
            // mail's next attempt past the time one delivery may take (a lease no other node sees as due).
            var claimed = await db.OutgoingMails
                .Where(m => m.Id == mail.Id && m.SentAt == null && m.NextAttemptAt == mail.NextAttemptAt)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.NextAttemptAt, now + SendLease), cancellationToken);
            if (claimed == 0)
            {
                db.Entry(mail).State = EntityState.Detached;
                continue;
            }
            mail.NextAttemptAt = now + SendLease;
            mail.Attempts++;
            try
            {
                await transport.SendAsync(ToMime(mail), cancellationToken);
                mail.SentAt = clock.GetUtcNow().ToUniversalTime();
                mail.LastError = null;
            }
            catch (Exception error) when (error is IOException or SmtpCommandException or SmtpProtocolException
                or System.Net.Sockets.SocketException or AuthenticationException or MailKit.ServiceNotConnectedException)
            {
                mail.LastError = error.GetType().Name;
                mail.NextAttemptAt = now + TimeSpan.FromSeconds(Math.Min(3600, 15 * Math.Pow(2, mail.Attempts - 1)));
                logger.LogWarning("Mail {Id} not delivered (attempt {Attempt}): {Error}", mail.Id, mail.Attempts, error.GetType().Name);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private MimeMessage ToMime(OutgoingMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(messages.Get(new System.Globalization.CultureInfo("ja"), "portal.name"), options.Value.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.MessageId = $"{mail.Id:n}@customer-portal.support";
        message.Body = new TextPart("plain") { Text = mail.Body };
        return message;
    }
}
