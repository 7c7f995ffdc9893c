using System.Threading.RateLimiting;

namespace CustomerPortal.Identity.Security;

/// <summary>
/// A fixed window of permits on the portal's clock whose refusals carry the time left in the window
/// (<see cref="MetadataName.RetryAfter"/>): .NET's fixed-window limiter always answers with the whole
/// window, so a client told "60" a second before the window ends waits a minute for nothing.
/// </summary>
public sealed class CountdownWindowLimiter(int permits, TimeSpan window, TimeProvider clock) : RateLimiter
{
    private static readonly RateLimitLease Granted = new Lease(null);
    private readonly Lock _gate = new();
    private DateTimeOffset _windowEnd = DateTimeOffset.MinValue;
    private int _used;
    private long _successful;
    private long _failed;

    /// <summary>Idle only once the window has ended: a partition dropped earlier would forget what it counted.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                return now >= _windowEnd ? now - _windowEnd : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = clock.GetUtcNow() >= _windowEnd ? permits : permits - _used,
                TotalSuccessfulLeases = _successful,
                TotalFailedLeases = _failed,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (now >= _windowEnd)
            {
                _windowEnd = now + window;
                _used = 0;
            }
            if (_used + permitCount <= permits)
            {
                _used += permitCount;
                _successful++;
                return Granted;
            }
            _failed++;
            return new Lease(_windowEnd - now);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private sealed class Lease(TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => retryAfter is null;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter is { } after && metadataName == MetadataName.RetryAfter.Name ? after : null;
            return metadata is not null;
        }
    }
}
