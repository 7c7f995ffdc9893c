using System.Text.Json;

namespace CustomerPortal.Identity.Staff;

/// <summary>
/// Business days in Japan: not Saturday, Sunday or a public holiday of seed/holidays-jp.json
/// (generated from the official list). The guide promises setup in about 3 business days, so
/// the review queue ages registrations in these days.
/// </summary>
public sealed class BusinessCalendar(IEnumerable<DateOnly> holidays)
{
    public const string FileName = "holidays-jp.json";

    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9); // no daylight saving time
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly HashSet<DateOnly> _holidays = [.. holidays];

    public static BusinessCalendar Load(string seedFolder)
    {
        var file = Path.Combine(seedFolder, FileName);
        try
        {
            using var stream = File.OpenRead(file);
            var entries = JsonSerializer.Deserialize<List<Holiday>>(stream, JsonOptions)
                ?? throw new InvalidOperationException("empty");
            return new BusinessCalendar(entries.Select(e => e.Date));
        }
        catch (Exception error) when (error is IOException or JsonException or InvalidOperationException)
        {
            throw new ServiceDefaults.Hosting.ConfigurationException($"The holiday table {file} cannot be read: {error.Message}", error);
        }
    }

    public bool IsBusinessDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    /// <summary>Business days after <paramref name="from"/> up to and including <paramref name="to"/>; 0 when <paramref name="to"/> is not later.</summary>
    public int BusinessDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            count += IsBusinessDay(day) ? 1 : 0;
        }
        return count;
    }

    public static DateOnly DateInJapan(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(JapanOffset).DateTime);

    public static DateOnly TodayInJapan(TimeProvider clock) => DateInJapan(clock.GetUtcNow());

    private sealed record Holiday(DateOnly Date, string Name);
}
