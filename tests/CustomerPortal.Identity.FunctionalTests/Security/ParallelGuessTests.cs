using System.Net;
using CustomerPortal.Identity.Data;
using CustomerPortal.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPortal.Identity.FunctionalTests.Security;

/// <summary>
/// Wrong passwords posted for one account at the same moment (a scripted guesser does) are each
/// answered like any wrong password and each counted toward the lockout: none is lost to the race
/// for the account's row, and none is answered with an error that only a registered address gets.
/// </summary>
public sealed class ParallelGuessTests
{
    private const int Guesses = 4; // fewer than the lockout's five, so every one must be counted

    [Fact]
    public async Task WrongPasswordsPostedAtOnce_AreAllRefusedNormally_AndAllCounted()
    {
        using var portal = new PortalFactory();
        var email = $"parallel-{Guid.NewGuid():n}@example.com";
        await portal.CreateActiveUserAsync(email, "Parallel-Pass-2026", "supplies-buyer");
        var browsers = Enumerable.Range(0, Guesses).Select(_ => portal.CreateBrowser()).ToList();
        var forms = await Task.WhenAll(browsers.Select(b => LoginPage.OpenAsync(b)));

        var answers = await Task.WhenAll(forms.Select((form, i) => form.SubmitAsync(email, $"Wrong-{i}-Guess")));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Equal(Guesses, await db.Users.Where(u => u.Email == email).Select(u => u.AccessFailedCount).SingleAsync());
        browsers.ForEach(b => b.Dispose());
    }
}
