using System.Net;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.FunctionalTests.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Identity.FunctionalTests.Registration;

/// <summary>
/// No floods: the mails anyone can cause for an address they need not own (the already-registered
/// notice, reset links, resent activation links, email-change links) reach one recipient at most
/// three times an hour per kind (Registration:MailsPerRecipientPerHour). Past that the page answers
/// the same, nothing is queued (the outbox rows prove it) and the audit says why. The per-account
/// link limit is raised here so that only the cap per recipient can stop the fourth mail.
/// </summary>
public sealed class MailCapTests(MailCapTests.CappedPortal fixture) : IClassFixture<MailCapTests.CappedPortal>
{
    private const string Password = "Capped-Pass-2026";

    public sealed class CappedPortal : IAsyncLifetime
    {
        public MailPortalFactory Portal { get; } = new();

        public async Task InitializeAsync()
        {
            await Portal.InitializeAsync();
            Portal.Settings["Registration:ResetLinksPerAccountPerHour"] = "100";
        }

        public async Task DisposeAsync() => await ((IAsyncLifetime)Portal).DisposeAsync();
    }

    private MailPortalFactory Portal => fixture.Portal;

    [Fact]
    public async Task AlreadyRegisteredNotice_TheFourthInAnHour_IsNotSent_AndThePageAnswersTheSame()
    {
        var email = $"owner-{Guid.NewGuid():n}@example.com";
        await Portal.CreateActiveUserAsync(email, Password, "supplies-buyer");

        var answers = new List<string>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var stranger = Portal.CreateBrowser();
            var form = await RegistrationPage.OpenAsync(stranger);
            var answer = await stranger.FollowAsync(await form.SubmitAsync(RegistrationPage.ValidInput(email)));
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            var page = await stranger.ParseAsync(answer);
            answers.Add($"{new Uri(page.Url).AbsolutePath}\n{page.QuerySelector("main")!.TextContent}");
        }

        Assert.Single(answers.Distinct());
        Assert.StartsWith("/account/registered", answers[0]);
        await Portal.Smtp.WaitForAsync(email, 3);
        Assert.Equal(3, (await Portal.OutboxToAsync(email)).Count(m => m.Template == "already-registered"));
        Assert.Contains("already-registered", Assert.Single(await CappedAuditAsync(email)));
    }

    [Fact]
    public async Task AlreadyRegisteredNotice_SixteenSimultaneousSignUps_SendNoMoreThanTheCap()
    {
        var email = $"owner-{Guid.NewGuid():n}@example.com";
        await Portal.CreateActiveUserAsync(email, Password, "supplies-buyer");
        var strangers = Enumerable.Range(0, 16).Select(_ => Portal.CreateBrowser()).ToList();
        var forms = await Task.WhenAll(strangers.Select(browser => RegistrationPage.OpenAsync(browser)));

        var answers = await Task.WhenAll(forms.Select(form => form.SubmitAsync(RegistrationPage.ValidInput(email))));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode));
        Assert.Equal(3, (await Portal.OutboxToAsync(email)).Count(m => m.Template == "already-registered"));
        Assert.Equal(13, (await CappedAuditAsync(email)).Count);
        strangers.ForEach(browser => browser.Dispose());
    }

    [Fact]
    public async Task ResetLink_TheFourthInAnHour_IsNotSent_AndThePageAnswersTheSame()
    {
        var email = $"reset-{Guid.NewGuid():n}@example.com";
        await Portal.CreateActiveUserAsync(email, Password, "supplies-buyer");
        using var stranger = Portal.CreateBrowser();

        var answers = new List<string>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            answers.Add(await stranger.RequestResetLinkAsync(email));
        }

        Assert.Single(answers.Distinct());
        await Portal.Smtp.WaitForAsync(email, 3);
        Assert.Equal(3, (await Portal.OutboxToAsync(email)).Count(m => m.Template == "password-reset"));
        Assert.Contains("password-reset", Assert.Single(await CappedAuditAsync(email)));
    }

    [Fact]
    public async Task ResetLink_SixteenSimultaneousRequests_SendNoMoreThanTheCap()
    {
        var email = $"reset-{Guid.NewGuid():n}@example.com";
        await Portal.CreateActiveUserAsync(email, Password, "supplies-buyer");
        var strangers = Enumerable.Range(0, 16).Select(_ => Portal.CreateBrowser()).ToList();
        var pages = await Task.WhenAll(strangers.Select(browser => browser.GetPageAsync("/account/forgot-password")));

        var answers = await Task.WhenAll(strangers.Select((browser, i) =>
            browser.SubmitAsync(pages[i], "section form[method=post]", new Dictionary<string, string> { ["Email"] = email })));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        Assert.Equal(3, (await Portal.OutboxToAsync(email)).Count(m => m.Template == "password-reset"));
        strangers.ForEach(browser => browser.Dispose());
    }

    [Fact]
    public async Task ResentActivationLink_TheFourthInAnHour_IsNotSent()
    {
        var email = $"approved-{Guid.NewGuid():n}@example.com";
        await Portal.CreateActiveUserAsync(email, Password, "supplies-buyer");
        // Approved by staff, the address not verified yet: "Forgot your password?" sends the verification link again.
        await Portal.WithUserAsync(email, async (users, user) =>
        {
            user.Status = AccountStatus.Approved;
            user.ActivatedAt = null;
            await users.UpdateAsync(user);
        });
        using var stranger = Portal.CreateBrowser();

        var answers = new List<string>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            answers.Add(await stranger.RequestResetLinkAsync(email));
        }

        Assert.Single(answers.Distinct());
        Assert.Equal(3, (await Portal.OutboxToAsync(email)).Count(m => m.Template == "verify-email"));
        Assert.Contains("verify-email", Assert.Single(await CappedAuditAsync(email)));
    }

    [Fact]
    public async Task EmailChangeLink_TheFourthInAnHourToOneAddress_IsNotSent_AndThePageAnswersTheSame()
    {
        var email = $"changer-{Guid.NewGuid():n}@example.com";
        var victim = $"victim-{Guid.NewGuid():n}@example.com";
        await Portal.CreateActiveUserAsync(email, Password, "supplies-buyer");
        using var browser = await Portal.SignedInBrowserAsync(email, Password);

        var answers = new List<string>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var settings = await SettingsPage.OpenAsync(browser);
            var requested = await settings.EditAsync("email", "form.email-form", new() { ["NewEmail"] = victim, ["CurrentPassword"] = Password });
            answers.Add(requested.SectionText("email"));
        }

        Assert.Single(answers.Distinct());
        Assert.Contains(victim, answers[0]);
        Assert.Equal(3, (await Portal.OutboxToAsync(victim)).Count(m => m.Template == "email-change-verify"));
        Assert.Contains("email-change-verify", Assert.Single(await CappedAuditAsync(victim)));
    }

    /// <summary>The details of the audit's "not sent: cap reached" events about mail to <paramref name="recipient"/>.</summary>
    private async Task<List<string>> CappedAuditAsync(string recipient)
    {
        using var scope = Portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.Email == recipient).ToListAsync();
        return [.. events.Where(e => e.Type.ToString() == "MailCapped").Select(e => e.Details ?? "")];
    }
}
