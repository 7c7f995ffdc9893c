using CustomerPortal.Identity.Data;
using CustomerPortal.Identity.Registration;
using CustomerPortal.Identity.Staff;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CustomerPortal.UnitTests.Staff;

/// <summary>How the review queue says a registration's age: 本日 on its day, never "0営業日".</summary>
public sealed class RegistrationAgeTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.Load(Path.Combine(RepositoryRoot.Path, "seed"));

    [Theory]
    // Wednesday 2026-12-02 in Japan, in the morning and late at night: the day it arrived.
    [InlineData("2026-12-02T09:00:00+09:00", "2026-12-02T09:05:00+09:00", "staff.queue.today", 0)]
    [InlineData("2026-12-02T00:10:00+09:00", "2026-12-02T23:50:00+09:00", "staff.queue.today", 0)]
    // Arrived Tuesday evening (Japan), seen Wednesday morning: one business day.
    [InlineData("2026-12-01T21:00:00+09:00", "2026-12-02T08:00:00+09:00", "staff.queue.oneDay", 1)]
    // Arrived Saturday, seen Sunday: no business day yet, but not today either.
    [InlineData("2026-12-05T10:00:00+09:00", "2026-12-06T10:00:00+09:00", "staff.queue.underOneDay", 0)]
    // Arrived Friday, seen the next Wednesday: three business days.
    [InlineData("2026-11-27T10:00:00+09:00", "2026-12-02T10:00:00+09:00", "staff.queue.days", 3)]
    public void Age_IsTodayOnTheDayOfArrival_ThenBusinessDays(string arrived, string now, string key, int days)
    {
        var queue = new ReviewQueue(null!, Calendar, new FakeTimeProvider(Instant(now)), Options.Create(new RegistrationOptions()));

        var age = queue.Age(new PortalUser { CreatedAt = Instant(arrived).ToOffset(TimeSpan.Zero) });

        Assert.Equal(key, age.AgeKey);
        Assert.Equal(days, age.BusinessDaysWaiting);
        Assert.Equal(key == "staff.queue.today", age.ReceivedToday);
    }

    private static DateTimeOffset Instant(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
