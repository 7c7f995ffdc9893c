using System.Net;
using CustomerPortal.Identity.Data;
using CustomerPortal.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Identity.FunctionalTests.Staff;

public sealed class ReviewQueueTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Queue_ShowsOverdueRegistrationsFirst_WithTheirAgeInBusinessDays()
    {
        var recent = await ArrangePendingAsync("recent", DateTimeOffset.UtcNow);
        var old = await ArrangePendingAsync("old", DateTimeOffset.UtcNow.AddDays(-21));
        using var staff = await SignedInAsync(Accounts.Staff);

        var queue = await staff.GetPageAsync("/staff/registrations");

        var rows = queue.QuerySelectorAll("table.queue tbody tr").ToList();
        var oldRow = rows.FindIndex(r => r.TextContent.Contains(old));
        var recentRow = rows.FindIndex(r => r.TextContent.Contains(recent));
        Assert.True(oldRow >= 0 && recentRow > oldRow, "the overdue registration comes first");
        Assert.Contains("overdue", rows[oldRow].ClassName);
        Assert.Contains("期限超過", rows[oldRow].TextContent);
        // A registration of today is "本日", not "0営業日".
        Assert.Contains("本日", rows[recentRow].TextContent);
        Assert.DoesNotContain("営業日", rows[recentRow].TextContent);
        Assert.DoesNotContain("期限超過", rows[recentRow].TextContent);
    }

    [Fact]
    public async Task ReviewPage_SaysTodayOnTheDayOfRegistration_InBothLanguages()
    {
        var email = await ArrangePendingAsync("today", DateTimeOffset.UtcNow);
        using var staff = await SignedInAsync(Accounts.Staff);
        var queue = await staff.GetPageAsync("/staff/registrations");
        var href = queue.QuerySelectorAll("table.queue tbody tr").Single(r => r.TextContent.Contains(email)).QuerySelector("a")!.GetAttribute("href")!;

        var japanese = await staff.GetPageAsync(href);
        await staff.GetAsync("/language/en?returnUrl=%2F");
        var english = await staff.GetPageAsync(href);
        var englishQueue = await staff.GetPageAsync("/staff/registrations");
        await staff.GetAsync("/language/ja?returnUrl=%2F");

        Assert.Contains("本日", japanese.QuerySelector("h1 + p")!.TextContent);
        Assert.DoesNotContain("営業日", japanese.QuerySelector("h1 + p")!.TextContent);
        Assert.Contains("Today", english.QuerySelector("h1 + p")!.TextContent);
        Assert.DoesNotContain("business days", english.QuerySelector("h1 + p")!.TextContent);
        Assert.Contains("Today", englishQueue.QuerySelectorAll("table.queue tbody tr").Single(r => r.TextContent.Contains(email)).TextContent);
    }

    [Fact]
    public async Task Queue_IsRefusedToCustomers()
    {
        using var customer = await SignedInAsync(Accounts.Buyer);

        var response = await customer.GetAsync("/staff/registrations");

        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || (Browser.IsRedirect(response) && response.Headers.Location!.ToString().Contains("403")),
            $"{(int)response.StatusCode} {response.Headers.Location}");
    }

    [Fact]
    public async Task Queue_AsksAnonymousVisitorsToSignIn()
    {
        using var anonymous = portal.CreateBrowser();

        var response = await anonymous.GetAsync("/staff/registrations");

        Assert.StartsWith("/account/login", response.Headers.Location!.OriginalString);
    }

    private async Task<string> ArrangePendingAsync(string name, DateTimeOffset submitted)
    {
        var email = $"{name}-{Guid.NewGuid():n}@example.com";
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var result = await users.CreateAsync(new PortalUser
        {
            UserName = email, Email = email, FamilyName = name, GivenName = "審査", CompanyName = "審査株式会社",
            Status = AccountStatus.PendingReview, CreatedAt = submitted,
            Address = new PostalAddress { PostalCode = "100-0001", Prefecture = "13", City = "千代田区", Street = "1-1" },
        });
        Assert.True(result.Succeeded);
        return email;
    }

    private Task<Browser> SignedInAsync((string Email, string Password) account) => portal.SignedInBrowserAsync(account.Email, account.Password);
}
