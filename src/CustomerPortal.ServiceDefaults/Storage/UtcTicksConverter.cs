using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CustomerPortal.ServiceDefaults.Storage;

/// <summary>
/// DateTimeOffset as UTC ticks, read back in UTC. SQLite cannot compare or order DateTimeOffset
/// values stored as text; as UTC ticks they compare in time order whatever offset they were
/// written with (EF's binary converter keeps local ticks, so a Japan-time value would sort nine
/// hours late). Register it in a SQLite context's ConfigureConventions.
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
