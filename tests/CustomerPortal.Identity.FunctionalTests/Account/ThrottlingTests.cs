using System.Net;
using CustomerPortal.Testing;

namespace CustomerPortal.Identity.FunctionalTests.Account;

/// <summary>
/// Attempts per client address: sign-in posts, and sent registrations and reset-link posts, are
/// refused with 429 and a message in the page's language once the address used its share;
/// reading the pages stays free, and the answer does not depend on the accounts tried.
/// </summary>
public sealed class ThrottlingTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();

    public Task InitializeAsync()
    {
        _portal.Settings["Throttling:SignInAttemptsPerMinute"] = "3";
        _portal.Settings["Registration:PerAddressPerHour"] = "2";
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SignIn_FromOneAddress_IsLimited_WhicheverAccountsAreTried()
    {
        using var browser = _portal.CreateBrowser();
        var statuses = new List<HttpStatusCode>();
        foreach (var email in new[] { Accounts.Buyer.Email, "nobody-1@example.com", Accounts.Staff.Email, "nobody-2@example.com" })
        {
            statuses.Add((await (await LoginPage.OpenAsync(browser)).SubmitAsync(email, "Wrong-Pass-1")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/login")).StatusCode); // reading is free
        var refused = await (await LoginPage.OpenAsync(browser)).SubmitAsync(Accounts.Buyer.Email, Accounts.Buyer.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("しばらくたってから", await refused.Content.ReadAsStringAsync());
        Assert.NotNull(refused.Headers.RetryAfter);
    }

    [Fact]
    public async Task RegistrationAndResetLinks_FromOneAddress_AreLimited()
    {
        using var browser = _portal.CreateBrowser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var forgot = await browser.GetPageAsync("/account/forgot-password");
            statuses.Add((await browser.SubmitAsync(forgot, "section form[method=post]",
                new Dictionary<string, string> { ["Email"] = $"someone-{i}@example.com" })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        // The sign-up's check and its confirmation store and send nothing and stay free; sending is refused.
        var register = await RegistrationPage.OpenAsync(browser);
        var review = await register.ConfirmationAsync(RegistrationPage.ValidInput("throttled-sign-up@example.com"));
        var backToTheForm = await review.EditAsync();
        Assert.Equal(HttpStatusCode.OK, backToTheForm.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await review.SendAsync()).StatusCode);
    }

    [Fact]
    public async Task CurrentPasswordChecks_FromOneAddress_AreLimitedLikeSignIn()
    {
        await _portal.CreateActiveUserAsync("throttled-guesser@example.com", "Guesser-Pass-2026", "supplies-buyer");
        using var hijacked = await _portal.SignedInBrowserAsync("throttled-guesser@example.com", "Guesser-Pass-2026");

        var errors = new List<string?>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var page = await hijacked.GetPageAsync("/account/password");
            var answer = await hijacked.ParseAsync(await hijacked.SubmitAsync(page, "section.change-with-current form", new Dictionary<string, string>
            {
                ["CurrentPassword"] = $"Guess-{attempt}-Wrong1", ["Password"] = "Guesser-Pass-2027", ["ConfirmPassword"] = "Guesser-Pass-2027",
            }));
            errors.Add(answer.QuerySelector("#current-error")?.TextContent.Trim());
        }

        Assert.Equal(["現在のパスワードが正しくありません。", "現在のパスワードが正しくありません。",
            "現在のパスワードが正しくありません。"], errors.Take(3));
        Assert.Contains("しばらくたってから", errors[3]);
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();
}
