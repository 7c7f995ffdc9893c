using CustomerPortal.ServiceDefaults.Mail;

namespace CustomerPortal.UnitTests.Mail;

/// <summary>The outbox's back-off between attempts while SMTP fails: doubling from Mail:RetryDelay, capped at Mail:MaxRetryDelay.</summary>
public sealed class RetryDelayTests
{
    private static readonly MailOptions Defaults = new() { RetryDelay = TimeSpan.FromSeconds(30), MaxRetryDelay = TimeSpan.FromHours(1) };

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1_920)]
    [InlineData(8, 3_600)]  // 3,840 s would pass the cap
    [InlineData(60, 3_600)] // no overflow after many failures
    public void TheDelayDoubles_UpToTheCap(int attempts, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), Defaults.RetryDelayAfter(attempts));
    }

    [Fact]
    public void BeforeAnyFailure_TheFirstDelayApplies()
    {
        Assert.Equal(Defaults.RetryDelay, Defaults.RetryDelayAfter(0));
    }
}
