using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Mail;
using CustomerPortal.ServiceDefaults.Mail;
using CustomerPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Registration;

/// <summary>
/// The durable outbox: nothing lost however long SMTP is down, a permanent rejection failed at once, an
/// interrupted delivery sent again with the same Message-Id (at least once, never lost).
/// </summary>
public sealed class MailOutboxTests
{
    [Fact]
    public async Task Mail_QueuedWhileSmtpIsDown_IsDeliveredWhenItComesBack()
    {
        await using var smtp = SmtpServer.Reserve(); // port reserved, server not started
        using var portal = new PortalFactory();
        foreach (var (key, value) in smtp.Settings)
        {
            portal.Settings[key] = value;
        }
        var email = $"outage-{Guid.NewGuid():n}@example.com";
        using var browser = portal.CreateBrowser();
        var page = await RegistrationPage.OpenAsync(browser);
        await page.SubmitAsync(RegistrationPage.ValidInput(email));

        // Attempts count up when the worker claims a message, so wait for a second attempt that has
        // failed and been put back for a retry, not one still in flight.
        var failing = await WaitForAsync(portal, m => m.Recipient == email && m.Attempts >= 2 && m.Status != OutboxStatus.Sending);
        Assert.Equal(OutboxStatus.Pending, failing.Status);
        Assert.NotNull(failing.LastError);

        await smtp.StartAsync();
        var delivered = await smtp.WaitForAsync(email, 1);
        Assert.Single(delivered);
        Assert.Equal(OutboxStatus.Sent, (await WaitForAsync(portal, m => m.Recipient == email && m.Status == OutboxStatus.Sent)).Status);
    }

    [Fact]
    public async Task OutageLongerThanTheOldAttemptBudget_EveryMailIsDeliveredOnceSmtpReturns()
    {
        await using var smtp = SmtpServer.Reserve(); // SMTP is down
        using var portal = OnSmtp(smtp, new FakeTimeProvider(DateTimeOffset.UtcNow));
        // The shipped back-off: 30 s doubling to 1 h. The old budget of 10 attempts ended after about three hours.
        portal.Settings["Mail:RetryDelay"] = "00:00:30";
        portal.Settings["Mail:MaxRetryDelay"] = "01:00:00";
        var emails = Enumerable.Range(0, 3).Select(i => $"outage{i}-{Guid.NewGuid():n}@example.com").ToList();
        await EnqueueAsync(portal, emails);

        // Twelve hours of outage on the fake clock, one failed attempt per hour.
        for (var attempt = 1; attempt <= 12; attempt++)
        {
            if (attempt > 1)
            {
                portal.Clock!.Advance(TimeSpan.FromHours(1));
            }
            foreach (var email in emails)
            {
                var failed = await WaitForAsync(portal, m => m.Recipient == email && m.Attempts >= attempt && m.Status != OutboxStatus.Sending);
                Assert.True(failed.Status == OutboxStatus.Pending, $"after attempt {attempt}: {failed.Status}");
            }
        }

        await smtp.StartAsync();
        portal.Clock!.Advance(TimeSpan.FromHours(1)); // their next attempt
        foreach (var email in emails)
        {
            await smtp.WaitForAsync(email, 1);
            await WaitForAsync(portal, m => m.Recipient == email && m.Status == OutboxStatus.Sent);
        }
        Assert.All(emails, email => Assert.Single(smtp.MessagesTo(email)));
    }

    [Fact]
    public async Task AfterASuccess_TheMailsWaitingForTheirNextAttempt_GoAtOnce()
    {
        await using var smtp = SmtpServer.Reserve(); // SMTP is down
        using var portal = OnSmtp(smtp, new FakeTimeProvider(DateTimeOffset.UtcNow));
        portal.Settings["Mail:RetryDelay"] = "00:00:30";
        portal.Settings["Mail:MaxRetryDelay"] = "01:00:00";
        var waiting = new[] { $"waiting1-{Guid.NewGuid():n}@example.com", $"waiting2-{Guid.NewGuid():n}@example.com" };
        await EnqueueAsync(portal, waiting);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            foreach (var email in waiting)
            {
                await WaitForAsync(portal, m => m.Recipient == email && m.Attempts >= attempt && m.Status == OutboxStatus.Pending);
            }
            if (attempt < 3)
            {
                portal.Clock!.Advance(TimeSpan.FromMinutes(5));
            }
        }
        // Both now wait two minutes for their next attempt; the clock stands still from here on.

        await smtp.StartAsync();
        var fresh = $"fresh-{Guid.NewGuid():n}@example.com";
        await EnqueueAsync(portal, [fresh]);

        await smtp.WaitForAsync(fresh, 1);
        foreach (var email in waiting)
        {
            Assert.Single(await smtp.WaitForAsync(email, 1));
        }
    }

    [Fact]
    public async Task PermanentRejection_FailsAtOnce_WithTheServersReasonShownToStaff()
    {
        await using var smtp = await SmtpServer.StartNewAsync();
        using var portal = OnSmtp(smtp);
        var email = $"{SmtpServer.RejectedPrefix}{Guid.NewGuid():n}@example.com";
        var id = (await EnqueueAsync(portal, [email])).Single();

        var failed = await WaitForAsync(portal, m => m.Id == id && m.Status != OutboxStatus.Pending && m.Status != OutboxStatus.Sending);
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("550", failed.LastError);
        Assert.Contains("User unknown", failed.LastError);

        using var staff = await portal.SignedInBrowserAsync(Accounts.Staff.Email, Accounts.Staff.Password);
        var row = (await staff.GetPageAsync("/staff/outbox")).QuerySelector($"tr[data-mail='{id}']")!;
        Assert.Equal("Failed", row.GetAttribute("data-status"));
        Assert.Contains("Recipient address rejected: User unknown", row.TextContent);
    }

    [Fact]
    public async Task CrashBetweenSendAndMark_SendsAgainOnceAfterTheLease_WithTheSameMessageId_AndStaffSeeItWasUncertain()
    {
        await using var smtp = await SmtpServer.StartNewAsync();
        using var portal = OnSmtp(smtp, new FakeTimeProvider(DateTimeOffset.UtcNow));
        // This node does not deliver in the background: the test plays the worker step by step.
        portal.Settings["Mail:DeliverInBackground"] = "false";
        var email = $"crash-{Guid.NewGuid():n}@example.com";
        var id = (await EnqueueAsync(portal, [email])).Single();

        using (var scope = portal.Services.CreateScope())
        {
            // The worker claims the message and hands it to SMTP, then the process dies before recording it.
            var delivery = scope.ServiceProvider.GetRequiredService<MailDelivery>();
            var claimed = await delivery.ClaimAsync(id, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<IMailTransport>().SendAsync(delivery.ToMime(claimed!), CancellationToken.None);
        }
        await smtp.WaitForAsync(email, 1);
        portal.Clock!.Advance(portal.Services.GetRequiredService<IOptions<MailOptions>>().Value.SendLease + TimeSpan.FromSeconds(1)); // the claim runs out

        // The restarted worker runs its passes.
        for (var pass = 0; pass < 3; pass++)
        {
            using var scope = portal.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<MailDelivery>().DeliverDueAsync(CancellationToken.None);
        }

        var received = smtp.MessagesTo(email);
        Assert.Equal(2, received.Count); // sent again once, and only once
        Assert.Equal(received[0].MessageId, received[1].MessageId);
        var stored = await WaitForAsync(portal, m => m.Id == id);
        Assert.Equal(OutboxStatus.Sent, stored.Status);
        Assert.True(stored.WasUncertain);

        using var staff = await portal.SignedInBrowserAsync(Accounts.Staff.Email, Accounts.Staff.Password);
        var row = (await staff.GetPageAsync("/staff/outbox")).QuerySelector($"tr[data-mail='{id}']")!;
        Assert.Equal("true", row.GetAttribute("data-was-uncertain"));
        Assert.Contains("二重に届いた可能性があります", row.TextContent);
        Assert.Null(row.QuerySelector("form")); // delivered: nothing to retry
    }

    [Fact]
    public async Task WithoutSmtp_MailsAreWrittenAsEmlFilesInTheDataFolder()
    {
        using var portal = new PortalFactory();
        var email = $"pickup-{Guid.NewGuid():n}@example.com";
        using var browser = portal.CreateBrowser();
        var page = await RegistrationPage.OpenAsync(browser);
        await page.SubmitAsync(RegistrationPage.ValidInput(email));

        await WaitForAsync(portal, m => m.Recipient == email && m.Status == OutboxStatus.Sent);

        var files = Directory.GetFiles(Path.Combine(portal.DataFolder, "mail"), "*.eml");
        var mail = files.Select(f => MimeKit.MimeMessage.Load(f)).Single(m => m.To.Mailboxes.Any(to => to.Address == email));
        Assert.Equal("カスタマーポータル", mail.Subject);
        Assert.Contains("株式会社サンプル商事", mail.TextBody);
    }

    /// <summary>The IdP pointed at <paramref name="smtp"/>, on <paramref name="clock"/> when given (set before first use).</summary>
    private static PortalFactory OnSmtp(SmtpServer smtp, FakeTimeProvider? clock = null)
    {
        var portal = new PortalFactory();
        foreach (var (key, value) in smtp.Settings)
        {
            portal.Settings[key] = value;
        }
        portal.Clock = clock;
        return portal;
    }

    /// <summary>Queues one activation-complete mail to each address, as the IdP does; returns their ids.</summary>
    private static async Task<List<Guid>> EnqueueAsync(PortalFactory portal, IEnumerable<string> emails)
    {
        using var scope = portal.Services.CreateScope();
        var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
        var ids = emails.Select(email => outbox.Enqueue("activation-complete", email, "ja",
            new Dictionary<string, object?> { ["name"] = "試験 花子", ["sign_in_url"] = "https://localhost/account/login" }).Id).ToList();
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SaveChangesAsync();
        return ids;
    }

    private static Task<OutboxMessage> WaitForAsync(PortalFactory portal, System.Linq.Expressions.Expression<Func<OutboxMessage, bool>> condition) =>
        Eventually.GetAsync(async () =>
        {
            using var scope = portal.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().OutboxMessages.AsNoTracking().FirstOrDefaultAsync(condition);
        }, "the outbox in the expected state");
}
