using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CustomerPortal.ServiceDefaults.Theming;

/// <summary>
/// Dates and times as the bundle writes them (format.date, format.dateTime, format.dateTimeSeconds:
/// 「2026年11月30日」, "30 Nov 2026"), on Japan's clock whatever the server's time zone, so that every
/// page, document and part of the portal shows the same day the same way.
/// </summary>
public static class BundleDates
{
    /// <summary>Japan Standard Time; Japan has no daylight saving time.</summary>
    public static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    /// <summary>The day, e.g. 「2026年11月30日」 or "30 Nov 2026"; null stays null.</summary>
    [return: NotNullIfNotNull(nameof(at))]
    public static string? Date(this MessageBundle messages, DateTimeOffset? at, CultureInfo? culture = null) =>
        Format(messages, at, "format.date", culture);

    /// <summary>The day and the time of day, e.g. 「2026年11月30日 9:05」 or "30 Nov 2026 9:05".</summary>
    [return: NotNullIfNotNull(nameof(at))]
    public static string? DateAndTime(this MessageBundle messages, DateTimeOffset? at, CultureInfo? culture = null) =>
        Format(messages, at, "format.dateTime", culture);

    /// <summary>With seconds, where the order of close events matters (the audit log).</summary>
    [return: NotNullIfNotNull(nameof(at))]
    public static string? DateAndTimeWithSeconds(this MessageBundle messages, DateTimeOffset? at, CultureInfo? culture = null) =>
        Format(messages, at, "format.dateTimeSeconds", culture);

    private static string? Format(MessageBundle messages, DateTimeOffset? at, string key, CultureInfo? culture)
    {
        if (at is not { } value)
        {
            return null;
        }
        // The bundle's language decides both the pattern and the month names ("Nov").
        var language = CultureInfo.GetCultureInfo(MessageBundle.LanguageOf(culture ?? CultureInfo.CurrentUICulture));
        return value.ToOffset(JapanOffset).ToString(messages.Get(language, key), language);
    }
}
