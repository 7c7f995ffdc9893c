using System.Globalization;
using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Identity.FunctionalTests.Connect;

/// <summary>portal_outbox_oldest_pending_seconds tells how long the oldest undelivered mail has waited, on the portal's clock.</summary>
public sealed class OutboxAgeMetricTests : IAsyncLifetime
{
    private const string Token = "outbox-age-token";
    private readonly PortalOnAFakeClock _portal = new();

    public Task InitializeAsync()
    {
        _portal.Settings["Metrics:BearerToken"] = Token;
        // Nothing delivers here, so the mail stays pending however long the test makes it wait.
        _portal.Settings["Mail:DeliverInBackground"] = "false";
        return Task.CompletedTask;
    }

    [Fact]
    public async Task OldestPending_IsTheAgeOfTheOldestUndeliveredMail()
    {
        using (var scope = _portal.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<MailOutbox>().Enqueue("activation-complete", $"stuck-{Guid.NewGuid():n}@example.com", "ja",
                new Dictionary<string, object?> { ["name"] = "試験 花子", ["sign_in_url"] = "https://localhost/account/login" });
            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SaveChangesAsync();
        }
        _portal.Clock!.Advance(TimeSpan.FromMinutes(20));
        using var browser = _portal.CreateBrowser();

        var age = await Eventually.GetAsync(async () =>
        {
            using var scrape = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new("Bearer", Token) } };
            var text = await (await browser.Http.SendAsync(scrape)).EnsureSuccessStatusCode().Content.ReadAsStringAsync();
            var line = text.Split('\n').FirstOrDefault(line => line.StartsWith("portal_outbox_oldest_pending_seconds", StringComparison.Ordinal));
            // The gauge is sampled apart from the scrape: a first scrape may still show the value from before the mail.
            return line is not null && double.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture) is > 0 and var seconds ? (object)seconds : null;
        }, "a scrape with the outbox's oldest pending age");

        Assert.Equal(20 * 60, (double)age, precision: 0);
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();
}
