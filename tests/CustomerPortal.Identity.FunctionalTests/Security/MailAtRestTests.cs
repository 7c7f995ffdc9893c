using CustomerPortal.Identity.Connect;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.FunctionalTests.Registration;
using CustomerPortal.ServiceDefaults.Mail;
using CustomerPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Identity.FunctionalTests.Security;

/// <summary>
/// No working links at rest: once delivered, a mail keeps its metadata (for the staff console)
/// but not its body, whose links would otherwise reset passwords from a copy of the database;
/// delivered and failed mails go after the retention.
/// </summary>
public sealed class MailAtRestTests : IAsyncLifetime
{
    private readonly MailPortalFactory _portal = new();

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_portal).InitializeAsync();
        _portal.Settings["Mail:Retention"] = "00:00:00";
    }

    [Fact]
    public async Task ADeliveredMail_KeepsNoBody_AndIsPrunedAfterTheRetention()
    {
        var email = $"at-rest-{Guid.NewGuid():n}@example.com";
        var user = await _portal.CreateActiveUserAsync(email, "At-Rest-Pass-2026", "supplies-buyer");
        using var browser = _portal.CreateBrowser();
        await browser.RequestResetLinkAsync(email);
        var link = MailLinks.Find((await _portal.Smtp.WaitForAsync(email, 1))[0], "/account/reset-password");
        var token = link[(link.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..].Split('&')[0];

        var sent = await SentAsync(user.Id);

        Assert.Equal(email, sent.Recipient);
        Assert.Contains("パスワードの再設定", sent.Subject);
        Assert.Equal("", sent.TextBody);
        Assert.Equal("", sent.HtmlBody);
        Assert.DoesNotContain(await AllBodiesAsync(), body => body.Contains(token, StringComparison.Ordinal));

        using (var scope = _portal.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<TokenPruning>().PruneAsync();
        }
        Assert.Empty(await _portal.OutboxForAsync(user.Id));
    }

    /// <summary>The row once the worker recorded the delivery (which follows SMTP's answer).</summary>
    private Task<OutboxMessage> SentAsync(string userId) =>
        Eventually.GetAsync(async () => (await _portal.OutboxForAsync(userId)).SingleOrDefault(m => m.Status == OutboxStatus.Sent),
            "the delivery recorded");

    private async Task<List<string>> AllBodiesAsync()
    {
        using var scope = _portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.OutboxMessages.Select(m => m.TextBody + m.HtmlBody).ToListAsync();
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)_portal).DisposeAsync();
}
