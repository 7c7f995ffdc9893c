using Microsoft.Extensions.Time.Testing;

namespace CustomerPortal.Testing;

/// <summary>The in-process IdP on a clock the test moves: for lifetimes, expiry and max_age, without waiting.</summary>
public sealed class PortalOnAFakeClock : PortalFactory
{
    public PortalOnAFakeClock()
    {
        Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
    }
}
