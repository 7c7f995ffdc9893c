using System.Net;

namespace CustomerPortal.Identity.Tests.RelyingApps;

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

        await admin.SubmitAsync(console, "form.maintenance-on", new() { ["MessageJa"] = "設備点検のため、ただいまご利用いただけません。", ["MessageEn"] = "Closed for an inspection." });
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
            Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync(new Uri(portal.Ordering, "signout-backchannel"), new FormUrlEncodedContent([]))).StatusCode);
            // Each app's health says so, and the app stays alive.
            foreach (var app in new[] { portal.Ordering, portal.Support })
            {
                var health = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(new Uri(app, "health/live"))).RootElement;
                Assert.Equal("Degraded", health.GetProperty("status").GetString());
                Assert.Equal("maintenance", health.GetProperty("description").GetString());
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

    private static async Task<HttpResponseMessage> EventuallyAsync(Func<Task<HttpResponseMessage>> request, HttpStatusCode expected)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await request();
            if (response.StatusCode == expected || attempt == 40)
            {
                Assert.Equal(expected, response.StatusCode);
                return response;
            }
            await Task.Delay(250);
        }
    }
}
