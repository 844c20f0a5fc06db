using System.Globalization;
using static SupportDesk.Data.Sla.Instants;

namespace SupportDesk.Data.Sla;

/// <summary>
/// A valid <see cref="BusinessCalendar"/> prepared for arithmetic. It walks the calendar a week at a time: a week
/// without holidays or clock changes costs two offset look-ups and is skipped whole when it can be, so long targets
/// stay cheap; only weeks with a clock change convert each wall-clock boundary on its own.
/// </summary>
internal sealed class WorkingTime
{
    private readonly (TimeSpan Start, TimeSpan End)[][] hoursByDay = new (TimeSpan, TimeSpan)[7][];
    private readonly Dictionary<DateOnly, Holiday> holidays;
    private readonly DateOnly[] holidayDates;
    private readonly TimeSpan weeklyTotal;

    public WorkingTime(BusinessCalendar calendar)
    {
        Zone = TimeZoneInfo.FindSystemTimeZoneById(calendar.TimeZoneId);
        AroundTheClock = calendar.AroundTheClock;
        for (var day = 0; day < 7; day++)
        {
            hoursByDay[day] = [.. calendar.Hours.Where(h => (int)h.Day == day).OrderBy(h => h.Start).Select(h => (h.Start.ToTimeSpan(), h.EndOfDay))];
        }

        holidays = calendar.Holidays.DistinctBy(h => h.Date).ToDictionary(h => h.Date);
        holidayDates = [.. holidays.Keys.Order()];
        weeklyTotal = calendar.Hours.Aggregate(TimeSpan.Zero, (sum, h) => sum + (h.EndOfDay - h.Start.ToTimeSpan()));
    }

    public TimeZoneInfo Zone { get; }

    public bool AroundTheClock { get; }

    public DateTime AddBusinessTime(DateTime startUtc, TimeSpan duration)
    {
        RequireUtc(startUtc, nameof(startUtc));
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        if (AroundTheClock || duration == TimeSpan.Zero)
        {
            return startUtc + duration;
        }

        var remaining = duration;
        foreach (var stretch in Stretches(startUtc, DateTime.MaxValue, _ => remaining > weeklyTotal))
        {
            var from = Later(stretch.Start, startUtc);
            var available = stretch.IsWeek ? weeklyTotal : stretch.End - from;
            if (available >= remaining)
            {
                return from + remaining;
            }

            remaining -= Longer(available, TimeSpan.Zero);
        }

        throw new InvalidOperationException("Working time ran out before the end of the calendar.");
    }

    public TimeSpan BusinessTimeBetween(DateTime fromUtc, DateTime toUtc)
    {
        RequireUtc(fromUtc, nameof(fromUtc));
        RequireUtc(toUtc, nameof(toUtc));
        if (toUtc <= fromUtc)
        {
            return TimeSpan.Zero;
        }

        if (AroundTheClock)
        {
            return toUtc - fromUtc;
        }

        var total = TimeSpan.Zero;
        foreach (var stretch in Stretches(fromUtc, toUtc, weekEnd => weekEnd <= toUtc))
        {
            total += stretch.IsWeek ? weeklyTotal : Longer(Earlier(stretch.End, toUtc) - Later(stretch.Start, fromUtc), TimeSpan.Zero);
        }

        return total;
    }

    /// <summary>The local days from <paramref name="fromUtc"/>'s to <paramref name="toUtc"/>'s without working time, with the holiday when that is the reason.</summary>
    public IEnumerable<(DateOnly Day, Holiday? Holiday)> DaysOff(DateTime fromUtc, DateTime toUtc)
    {
        if (AroundTheClock)
        {
            yield break;
        }

        var last = ZoneTime.LocalDay(toUtc, Zone);
        for (var day = ZoneTime.LocalDay(fromUtc, Zone); day <= last; day = day.AddDays(1))
        {
            if (holidays.TryGetValue(day, out var holiday))
            {
                yield return (day, holiday);
            }
            else if (hoursByDay[(int)day.DayOfWeek].Length == 0)
            {
                yield return (day, null);
            }
        }
    }

    public string Format(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// The working intervals from the local day of <paramref name="fromUtc"/> until <paramref name="untilUtc"/>, as UTC
    /// instants. A whole week comes as one stretch when it has the usual working time (no holiday, no clock change)
    /// and <paramref name="takeWholeWeek"/> wants it for the week ending at the given instant.
    /// </summary>
    private IEnumerable<Stretch> Stretches(DateTime fromUtc, DateTime untilUtc, Func<DateTime, bool> takeWholeWeek)
    {
        var day = ZoneTime.LocalDay(fromUtc, Zone);
        var dayStart = ZoneTime.ToUtc(day, Zone);
        while (dayStart < untilUtc)
        {
            // Within a week whose offset is the same at both ends, local midnights are a fixed offset from UTC.
            var offset = day.ToDateTime(TimeOnly.MinValue) - dayStart;
            var steadyEnd = DateTime.SpecifyKind(day.AddDays(7).ToDateTime(TimeOnly.MinValue) - offset, DateTimeKind.Utc);
            var steady = ZoneTime.OffsetAt(dayStart, Zone) == offset && ZoneTime.OffsetAt(steadyEnd, Zone) == offset;
            if (steady && dayStart >= fromUtc && !HasHolidayInWeek(day) && takeWholeWeek(steadyEnd))
            {
                yield return new Stretch(dayStart, steadyEnd, IsWeek: true);
                (day, dayStart) = (day.AddDays(7), steadyEnd);
                continue;
            }

            for (var i = 0; i < 7 && dayStart < untilUtc; i++)
            {
                var nextStart = steady ? dayStart.AddDays(1) : ZoneTime.ToUtc(day.AddDays(1), Zone);
                if (!holidays.ContainsKey(day))
                {
                    var evenDay = nextStart - dayStart == TimeSpan.FromDays(1);
                    var midnight = day.ToDateTime(TimeOnly.MinValue);
                    foreach (var (start, end) in hoursByDay[(int)day.DayOfWeek])
                    {
                        yield return evenDay
                            ? new Stretch(dayStart + start, dayStart + end, IsWeek: false)
                            : new Stretch(ZoneTime.ToUtc(midnight + start, Zone), ZoneTime.ToUtc(midnight + end, Zone), IsWeek: false);
                    }
                }

                (day, dayStart) = (day.AddDays(1), nextStart);
            }
        }
    }

    private bool HasHolidayInWeek(DateOnly day)
    {
        var next = Array.BinarySearch(holidayDates, day);
        next = next >= 0 ? next : ~next;
        return next < holidayDates.Length && holidayDates[next] < day.AddDays(7);
    }

    private static void RequireUtc(DateTime value, string name)
    {
        if (value.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException("SLA arithmetic works on UTC instants (DateTimeKind.Utc).", name);
        }
    }

    /// <summary>A working interval, or a whole week of the usual working time.</summary>
    private readonly record struct Stretch(DateTime Start, DateTime End, bool IsWeek);
}
