using System.Threading.RateLimiting;
using CustomerPortal.Identity.Security;
using Microsoft.Extensions.Time.Testing;

namespace CustomerPortal.UnitTests.Security;

/// <summary>The fixed window behind the posts-per-client-address limits: its refusals say how much of the window is left.</summary>
public sealed class CountdownWindowLimiterTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Refusal_CarriesTheTimeLeftInTheWindow_AndTheNextWindowStartsAfresh()
    {
        using var limiter = new CountdownWindowLimiter(2, TimeSpan.FromMinutes(1), _clock);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        _clock.Advance(TimeSpan.FromSeconds(5));

        using var refused = limiter.AttemptAcquire();
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var left));
        Assert.Equal(TimeSpan.FromSeconds(35), left);
        Assert.Null(limiter.IdleDuration);

        _clock.Advance(TimeSpan.FromSeconds(35));
        Assert.NotNull(limiter.IdleDuration);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.False(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public void Granted_CarriesNoRetryAfter()
    {
        using var limiter = new CountdownWindowLimiter(1, TimeSpan.FromHours(1), _clock);
        using var lease = limiter.AttemptAcquire();
        Assert.False(lease.TryGetMetadata(MetadataName.RetryAfter, out _));
    }
}
