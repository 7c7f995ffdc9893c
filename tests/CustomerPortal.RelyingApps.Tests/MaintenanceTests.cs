using System.Net;

namespace CustomerPortal.RelyingApps.Tests;

/// <summary>The IdP's maintenance switch closes both apps to customers, not to staff, and reopens them without a restart.</summary>
[Collection(PortalStackFixture.Collection)]
public sealed class MaintenanceTests(PortalStackFixture portal)
{
    [Fact]
    public async Task MaintenanceAtTheIdP_ClosesBothAppsToCustomers_StaffKeepWorking_AndOffReopensThem()
    {
        using var buyer = AppSession.New();
        await buyer.SignInAsync(new Uri(portal.Ordering, "catalog"), "buyer@example.com", "Buyer-2026");
        using var staff = AppSession.New();
        await staff.SignInAsync(new Uri(portal.Support, "staff/inquiries"), "staff@example.com", "Staff-2026");
        using var admin = AppSession.New();
        var console = await admin.SignInAsync(new Uri(portal.Identity, "staff/maintenance"), "admin@example.com", "Admin-2026");

        await admin.SubmitAsync(console, "form.maintenance-on",
            new() { ["MessageJa"] = "設備点検のため、ただいまご利用いただけません。", ["MessageEn"] = "Closed for an inspection." });
        try
        {
            var closed = await EventuallyAsync(() => buyer.Browser.GetAsync(new Uri(portal.Ordering, "catalog").ToString()), HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(closed.Headers.RetryAfter);
            var page = await buyer.Browser.ParseAsync(closed);
            Assert.Contains("設備点検のため", page.QuerySelector("main")!.TextContent);
            Assert.Equal("ja", page.DocumentElement.GetAttribute("lang"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await buyer.OpenAsync(new Uri(portal.Support, "inquiries"))).Status);

            // Staff still answer inquiries; the back channel stays open for sign-outs.
            Assert.Equal(HttpStatusCode.OK, (await staff.OpenAsync(new Uri(portal.Support, "staff/inquiries"))).Status);
            using var http = new HttpClient();
            Assert.Equal(HttpStatusCode.BadRequest,
                (await http.PostAsync(new Uri(portal.Ordering, "signout-backchannel"), new FormUrlEncodedContent([]))).StatusCode);
            // Each app's health says so once it has followed the IdP (within its check interval),
            // and the app stays alive (200).
            foreach (var app in new[] { portal.Ordering, portal.Support })
            {
                await Eventually.TrueAsync(async () =>
                {
                    var health = await http.GetAsync(new Uri(app, "health/live"));
                    Assert.Equal(HttpStatusCode.OK, health.StatusCode);
                    var body = System.Text.Json.JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
                    var status = body.GetProperty("status").GetString();
                    Assert.True(status == "Healthy" || body.GetProperty("description").GetString() == "maintenance");
                    return status == "Degraded";
                }, $"{app} reports the maintenance in its health");
            }
        }
        finally
        {
            var (_, current) = await admin.OpenAsync(new Uri(portal.Identity, "staff/maintenance"));
            await admin.SubmitAsync(current, "form.maintenance-off");
        }

        var reopened = await EventuallyAsync(() => buyer.Browser.GetAsync(new Uri(portal.Ordering, "catalog").ToString()), HttpStatusCode.OK);
        Assert.Equal("消耗品カタログ", AppSession.Heading(await buyer.Browser.ParseAsync(reopened)));
    }

    private static async Task<HttpResponseMessage> EventuallyAsync(Func<Task<HttpResponseMessage>> request, HttpStatusCode expected) =>
        await Eventually.GetAsync(async () => await request() is { } response && response.StatusCode == expected ? response : null,
            $"an answer {(int)expected}");
}
