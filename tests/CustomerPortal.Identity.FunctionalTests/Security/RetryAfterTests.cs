using System.Net;

namespace CustomerPortal.Identity.FunctionalTests.Security;

/// <summary>
/// A throttled client is told the truth: Retry-After is the seconds left in its window, counting
/// down on the portal's clock, and a retry once they have passed is let through.
/// </summary>
public sealed class RetryAfterTests : IAsyncLifetime
{
    private readonly PortalOnAFakeClock _portal = new();

    public Task InitializeAsync()
    {
        _portal.Settings["Throttling:SignInAttemptsPerMinute"] = "2";
        _portal.Settings["Registration:PerAddressPerHour"] = "1";
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SignIn_RetryAfter_CountsDownToTheEndOfTheWindow()
    {
        using var browser = _portal.CreateBrowser();
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(browser)).StatusCode);
        _portal.Clock!.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(browser)).StatusCode);

        var first = await SignInAsync(browser);
        _portal.Clock.Advance(TimeSpan.FromSeconds(25));
        var second = await SignInAsync(browser);
        _portal.Clock.Advance(TimeSpan.FromSeconds(25));

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(50), first.Headers.RetryAfter!.Delta);
        Assert.Equal(TimeSpan.FromSeconds(25), second.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(browser)).StatusCode);
    }

    [Fact]
    public async Task ResetLinks_RetryAfter_IsWhatIsLeftOfTheHour()
    {
        using var browser = _portal.CreateBrowser();
        Assert.Equal(HttpStatusCode.OK, (await ForgotPasswordAsync(browser)).StatusCode);
        _portal.Clock!.Advance(TimeSpan.FromMinutes(45));

        var refused = await ForgotPasswordAsync(browser);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(15), refused.Headers.RetryAfter!.Delta);
    }

    private static async Task<HttpResponseMessage> SignInAsync(Browser browser) =>
        await (await LoginPage.OpenAsync(browser)).SubmitAsync("nobody-retry@example.com", "Wrong-Pass-1");

    private static async Task<HttpResponseMessage> ForgotPasswordAsync(Browser browser) =>
        await browser.SubmitAsync(await browser.GetPageAsync("/account/forgot-password"), "section form[method=post]",
            new Dictionary<string, string> { ["Email"] = "nobody-retry@example.com" });

    public async Task DisposeAsync() => await _portal.DisposeAsync();
}
