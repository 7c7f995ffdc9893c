using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Mail;
using CustomerPortal.ServiceDefaults.Mail;
using CustomerPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Registration;

/// <summary>The durable outbox: nothing lost while SMTP is down, nothing sent twice after a crash.</summary>
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
    public async Task CrashBetweenSendAndMark_DoesNotSendAgain_AndLeavesTheMessageForStaff()
    {
        await using var smtp = await SmtpServer.StartNewAsync();
        using var portal = new PortalFactory();
        foreach (var (key, value) in smtp.Settings)
        {
            portal.Settings[key] = value;
        }
        // This node does not deliver in the background: the test plays the worker step by step.
        portal.Settings["Mail:DeliverInBackground"] = "false";
        portal.Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var email = $"crash-{Guid.NewGuid():n}@example.com";

        Guid id;
        using (var scope = portal.Services.CreateScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
            var message = outbox.Enqueue("activation-complete", email, "ja",
                new Dictionary<string, object?> { ["name"] = "試験 花子", ["sign_in_url"] = "https://localhost/account/login" });
            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SaveChangesAsync();
            id = message.Id;

            // The worker claims the message and hands it to SMTP, then the process dies before recording it.
            var delivery = scope.ServiceProvider.GetRequiredService<MailDelivery>();
            var claimed = await delivery.ClaimAsync(id, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<IMailTransport>().SendAsync(delivery.ToMime(claimed!), CancellationToken.None);
        }
        await smtp.WaitForAsync(email, 1);
        portal.Clock.Advance(portal.Services.GetRequiredService<IOptions<MailOptions>>().Value.SendLease + TimeSpan.FromSeconds(1)); // the claim runs out

        // The restarted worker runs its passes.
        using (var scope = portal.Services.CreateScope())
        {
            var delivery = scope.ServiceProvider.GetRequiredService<MailDelivery>();
            await delivery.DeliverDueAsync(CancellationToken.None);
            await delivery.DeliverDueAsync(CancellationToken.None);
        }

        Assert.Single(smtp.MessagesTo(email));
        var stored = await WaitForAsync(portal, m => m.Id == id);
        Assert.Equal(OutboxStatus.Uncertain, stored.Status);
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

    private static Task<OutboxMessage> WaitForAsync(PortalFactory portal, System.Linq.Expressions.Expression<Func<OutboxMessage, bool>> condition) =>
        Eventually.GetAsync(async () =>
        {
            using var scope = portal.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().OutboxMessages.AsNoTracking().FirstOrDefaultAsync(condition);
        }, "the outbox in the expected state");
}
