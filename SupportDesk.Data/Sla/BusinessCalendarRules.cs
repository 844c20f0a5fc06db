using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Users;

namespace SupportDesk.Data.Sla;

/// <summary>What makes a business calendar usable, with a message an admin can act on for each problem.</summary>
internal static class BusinessCalendarRules
{
    /// <summary>The zones a user may pick on their profile, as a set: checked on every use of a calendar.</summary>
    private static readonly Lazy<HashSet<string>> Zones = new(() => new HashSet<string>(UserPreferences.TimeZoneIds, StringComparer.Ordinal));

    public static IReadOnlyList<FieldError> Check(BusinessCalendar calendar)
    {
        var errors = new List<FieldError>();
        CheckZone(calendar.TimeZoneId, errors);
        if (calendar.AroundTheClock)
        {
            if (calendar.Hours.Count > 0 || calendar.Holidays.Count > 0)
            {
                errors.Add(new FieldError("hours", "A 24/7 calendar counts every hour, so it takes no working hours or holidays; remove them or switch 24/7 off."));
            }

            return errors;
        }

        if (calendar.Hours.Count == 0)
        {
            errors.Add(new FieldError("hours", "The calendar has no working time at all; add working hours (e.g. Monday 09:00–17:00) or make it 24/7."));
        }

        CheckHours(calendar.Hours, errors);
        if (calendar.Holidays.Any(h => h is null))
        {
            errors.Add(new FieldError("holidays", "Every holiday needs a date, e.g. 2026-12-25."));
        }

        return errors;
    }

    private static void CheckZone(string? id, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add(new FieldError("timeZoneId", "Choose the calendar's time zone, e.g. Europe/Berlin."));
        }
        else if (!Zones.Value.Contains(id))
        {
            errors.Add(new FieldError("timeZoneId", $"'{id}' is not a known time zone; use an IANA id such as Europe/Berlin or America/New_York."));
        }
    }

    private static void CheckHours(IReadOnlyList<WorkingHours> hours, List<FieldError> errors)
    {
        if (hours.Any(h => h is null))
        {
            errors.Add(new FieldError("hours", "Every working interval needs a day, a start and an end."));
            return;
        }

        foreach (var interval in hours)
        {
            if (!Enum.IsDefined(interval.Day))
            {
                errors.Add(new FieldError("hours", $"'{(int)interval.Day}' is not a day of the week."));
            }
            else if (interval.EndOfDay <= interval.Start.ToTimeSpan())
            {
                errors.Add(new FieldError("hours", $"{interval}: the end must be after the start (00:00 as the end means midnight; split a shift past midnight into two days)."));
            }
        }

        foreach (var day in hours.Where(h => Enum.IsDefined(h.Day) && h.EndOfDay > h.Start.ToTimeSpan()).GroupBy(h => h.Day))
        {
            WorkingHours? latest = null;
            foreach (var interval in day.OrderBy(h => h.Start))
            {
                if (latest is not null && interval.Start.ToTimeSpan() < latest.EndOfDay)
                {
                    errors.Add(new FieldError("hours", $"{latest} overlaps {interval}; working intervals on a day must not overlap."));
                }

                if (latest is null || interval.EndOfDay > latest.EndOfDay)
                {
                    latest = interval;
                }
            }
        }
    }
}
