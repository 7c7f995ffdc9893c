using CustomerPortal.Identity.Staff;
using CustomerPortal.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CustomerPortal.UnitTests.Staff;

/// <summary>The review promise counts business days: no weekends, no Japanese public holidays (seed/holidays-jp.json).</summary>
public sealed class BusinessCalendarTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.Load(Path.Combine(RepositoryRoot.Path, "seed"));

    private static DateOnly Day(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void BusinessDaysBetween_AcrossAWeekend_SkipsSaturdayAndSunday()
    {
        // Friday 2026-11-27 to Tuesday 2026-12-01: Monday and Tuesday.
        Assert.Equal(2, Calendar.BusinessDaysBetween(Day("2026-11-27"), Day("2026-12-01")));
    }

    [Fact]
    public void BusinessDaysBetween_AcrossGoldenWeek_SkipsTheHolidaysAndTheSubstituteHoliday()
    {
        // Thursday 2026-04-30 to Thursday 2026-05-07: only Friday May 1 and Thursday May 7 are business days
        // (May 3–5 holidays, May 6 振替休日).
        Assert.Equal(2, Calendar.BusinessDaysBetween(Day("2026-04-30"), Day("2026-05-07")));
    }

    [Fact]
    public void BusinessDaysBetween_OverAHappyMonday_SkipsIt()
    {
        // Friday 2026-01-09 to Tuesday 2026-01-13: Monday 2026-01-12 is 成人の日.
        Assert.False(Calendar.IsBusinessDay(Day("2026-01-12")));
        Assert.Equal(1, Calendar.BusinessDaysBetween(Day("2026-01-09"), Day("2026-01-13")));
    }

    [Fact]
    public void BusinessDaysBetween_SilverWeek2026_SkipsTheCitizensHoliday()
    {
        // 2026-09-21 敬老の日, 09-22 国民の休日, 09-23 秋分の日.
        Assert.Equal(1, Calendar.BusinessDaysBetween(Day("2026-09-18"), Day("2026-09-24")));
    }

    [Fact]
    public void BusinessDaysBetween_SameDayOrEarlier_IsZero()
    {
        Assert.Equal(0, Calendar.BusinessDaysBetween(Day("2026-11-24"), Day("2026-11-24")));
        Assert.Equal(0, Calendar.BusinessDaysBetween(Day("2026-11-25"), Day("2026-11-24")));
    }

    [Fact]
    public void BusinessDaysBetween_FromASaturday_CountsFromTheNextBusinessDay()
    {
        Assert.Equal(1, Calendar.BusinessDaysBetween(Day("2026-11-28"), Day("2026-11-30")));
    }

    [Fact]
    public void TodayInJapan_AfterThreePmUtc_IsTheNextDay()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T16:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(Day("2026-11-25"), BusinessCalendar.TodayInJapan(clock));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void HolidayTable_CoversThisYearAndNext(int yearsFromNow)
    {
        // Counted from today, so the test fails on the first run of a year the table does not cover.
        var year = BusinessCalendar.TodayInJapan(TimeProvider.System).Year + yearsFromNow;
        var holidays = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365)
            .Select(offset => new DateOnly(year, 1, 1).AddDays(offset))
            .Count(day => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Calendar.IsBusinessDay(day));
        Assert.InRange(holidays, 12, 20);
        Assert.False(Calendar.IsBusinessDay(new DateOnly(year, 1, 1)));
    }
}
