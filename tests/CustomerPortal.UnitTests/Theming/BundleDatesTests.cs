using System.Globalization;

namespace CustomerPortal.UnitTests.Theming;

/// <summary>Every page writes a date the bundle's way, on Japan's calendar.</summary>
public sealed class BundleDatesTests
{
    private static readonly MessageBundle Messages = ThemeBundles.Of();
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    // 30 November 2026, 15:05 UTC: already 1 December in Japan.
    private static readonly DateTimeOffset LateEveningUtc = new(2026, 11, 30, 15, 5, 9, TimeSpan.Zero);

    [Fact]
    public void Date_IsTheDayInJapan_InEachLanguage()
    {
        Assert.Equal("2026年12月1日", Messages.Date(LateEveningUtc, Japanese));
        Assert.Equal("1 Dec 2026", Messages.Date(LateEveningUtc, English));
    }

    [Fact]
    public void DateAndTime_AddsTheTimeInJapan()
    {
        Assert.Equal("2026年12月1日 0:05", Messages.DateAndTime(LateEveningUtc, Japanese));
        Assert.Equal("1 Dec 2026 0:05", Messages.DateAndTime(LateEveningUtc, English));
        Assert.Equal("2026年12月1日 0:05:09", Messages.DateAndTimeWithSeconds(LateEveningUtc, Japanese));
    }

    [Fact]
    public void ARegionalCulture_ReadsAsItsLanguage_AndAnotherLanguageAsJapanese()
    {
        Assert.Equal("2026年12月1日", Messages.Date(LateEveningUtc, CultureInfo.GetCultureInfo("fr")));
        Assert.Equal("1 Dec 2026", Messages.Date(LateEveningUtc, CultureInfo.GetCultureInfo("en-GB")));
    }
}
