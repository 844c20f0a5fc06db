using System.Runtime.CompilerServices;
using SupportDesk.Data.Infrastructure;

namespace SupportDesk.Data.Sla;

/// <summary>
/// When an SLA clock runs: around the clock, or during weekly working hours in a time zone, minus holidays.
/// Plain data, so a policy can store it as JSON (<see cref="BusinessCalendarJson"/>); every input and
/// output instant is UTC.
/// </summary>
public sealed record BusinessCalendar
{
    private static readonly ConditionalWeakTable<BusinessCalendar, WorkingTime> Prepared = new();

    /// <summary>Every hour counts; <see cref="Hours"/> and <see cref="Holidays"/> must then be empty.</summary>
    public bool AroundTheClock { get; init; }

    /// <summary>The IANA zone the working hours and holidays are read in; explanations show times in it.</summary>
    public string TimeZoneId { get; init; } = "UTC";

    public IReadOnlyList<WorkingHours> Hours { get; init; } = [];

    public IReadOnlyList<Holiday> Holidays { get; init; } = [];

    public static BusinessCalendar TwentyFourSeven(string timeZoneId = "UTC") => new() { AroundTheClock = true, TimeZoneId = timeZoneId };

    public static BusinessCalendar Weekly(string timeZoneId, IEnumerable<WorkingHours> hours, IEnumerable<Holiday>? holidays = null) =>
        new() { TimeZoneId = timeZoneId, Hours = [.. hours], Holidays = [.. holidays ?? []] };

    /// <summary>Every problem with the calendar, each tied to its field; empty when it is usable.</summary>
    public IReadOnlyList<FieldError> Validate() => BusinessCalendarRules.Check(this);

    /// <summary>The UTC instant at which <paramref name="duration"/> of working time has passed since <paramref name="startUtc"/>.</summary>
    /// <remarks>The earliest such instant: a duration that ends with a day's hours is due at their end, not at the next opening.</remarks>
    public DateTime AddBusinessTime(DateTime startUtc, TimeSpan duration) => Compile().AddBusinessTime(startUtc, duration);

    /// <summary>The working time between two UTC instants (zero when <paramref name="toUtc"/> is not after <paramref name="fromUtc"/>).</summary>
    public TimeSpan BusinessTimeBetween(DateTime fromUtc, DateTime toUtc) => Compile().BusinessTimeBetween(fromUtc, toUtc);

    /// <summary>
    /// The calendar ready for arithmetic, prepared once per instance (a calendar is a value: <c>with</c> makes a new
    /// one, and its lists are not changed after first use); refuses an invalid calendar with its messages.
    /// </summary>
    internal WorkingTime Compile() => Prepared.GetValue(this, static calendar =>
    {
        var errors = calendar.Validate();
        return errors.Count == 0
            ? new WorkingTime(calendar)
            : throw new InvalidOperationException("The business calendar is invalid: " + string.Join(" ", errors.Select(e => e.Message)));
    });
}
