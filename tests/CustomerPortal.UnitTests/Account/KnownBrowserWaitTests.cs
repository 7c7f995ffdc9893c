using CustomerPortal.Identity.Account.SignIn;

namespace CustomerPortal.UnitTests.Account;

/// <summary>How long the owner's own browser waits after its wrong passwords: a slip costs nothing, guessing slows to a crawl.</summary>
public sealed class KnownBrowserWaitTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(4, 0)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(7, 4)]
    [InlineData(8, 8)]
    [InlineData(9, 15)]
    [InlineData(1000, 15)]
    public void TheWait_DoublesAfterTheFreeAttemptsUpToTheMaximum(int failures, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), new KnownBrowserOptions().WaitAfter(failures));
    }

    [Fact]
    public void TheWait_FollowsTheOperatorsSettings()
    {
        var options = new KnownBrowserOptions { FreeAttempts = 3, FirstWait = TimeSpan.FromSeconds(30), MaxWait = TimeSpan.FromMinutes(5) };

        Assert.Equal(TimeSpan.Zero, options.WaitAfter(2));
        Assert.Equal(TimeSpan.FromSeconds(30), options.WaitAfter(3));
        Assert.Equal(TimeSpan.FromMinutes(4), options.WaitAfter(6));
        Assert.Equal(TimeSpan.FromMinutes(5), options.WaitAfter(7));
    }
}
