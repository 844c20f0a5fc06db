using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Sla;

/// <summary>
/// How a due time came about, in one line for the ticket page, e.g. "Resolution target 24 business hours
/// (High) from 2026-03-27 16:00 Europe/Berlin; paused 3 h 10 min of working time while waiting on the
/// customer; skips the weekend and Good Friday; due 2026-04-03 11:10."
/// </summary>
internal static class SlaExplanation
{
    public sealed record Facts(
        SlaMetricKind Kind,
        SlaState State,
        TicketPriority Priority,
        TimeSpan Target,
        DateTime CreatedAt,
        DateTime? PrioritySince,
        SlaPauses.Schedule Schedule,
        TimeSpan Remaining,
        DateTime? FulfilledAt,
        DateTime? BreachedAt,
        DateTime Now);

    public static string Describe(WorkingTime time, Facts facts)
    {
        var name = facts.Kind == SlaMetricKind.FirstResponse ? "First response" : "Resolution";
        var priority = facts.Priority.ToString()
            + (facts.PrioritySince is { } since ? $" since {time.Format(since)}, counted from creation with the time already used" : "")
            + (time.AroundTheClock ? ", around the clock" : "");
        var parts = new List<string>
        {
            $"{name} target {SlaText.Target(facts.Target, time.AroundTheClock)} ({priority}) from {time.Format(facts.CreatedAt)} {time.Zone.Id}",
        };

        var workingTime = time.AroundTheClock ? "" : " of working time";
        if (facts.Schedule.PausedSince is { } pausedSince)
        {
            parts.Add($"paused since {time.Format(pausedSince)} while waiting on the customer, {SlaText.Duration(facts.Remaining)}{workingTime} left");
        }
        else if (facts.Schedule.PausedTime > TimeSpan.Zero)
        {
            parts.Add($"paused {SlaText.Duration(facts.Schedule.PausedTime)}{workingTime} while waiting on the customer");
        }

        if (DaysOff(time, facts.CreatedAt, facts.Schedule.Due ?? facts.Now) is { } skipped)
        {
            parts.Add(skipped);
        }

        if (facts.Schedule.Due is { } due)
        {
            parts.Add($"due {time.Format(due)}");
        }

        if (facts.State == SlaState.Breached && facts.BreachedAt is { } breached)
        {
            parts.Add($"breached {time.Format(breached)}");
        }
        else if (facts.State == SlaState.Met && facts.FulfilledAt is { } met)
        {
            parts.Add($"met {time.Format(met)}");
        }

        return string.Join("; ", parts) + ".";
    }

    /// <summary>"skips the weekend and Good Friday": the days without working time the target runs across.</summary>
    private static string? DaysOff(WorkingTime time, DateTime from, DateTime to)
    {
        var days = time.DaysOff(from, to).ToList();
        var items = new List<string>();
        var plain = days.Where(d => d.Holiday is null).Select(d => d.Day).ToList();
        if (plain.Count > 0)
        {
            var runs = plain.Where((day, i) => i == 0 || plain[i - 1] != day.AddDays(-1)).Count();
            items.Add(plain.All(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                ? runs == 1 ? "the weekend" : $"{runs} weekends"
                : plain.Count == 1 ? "a day without working hours" : $"{plain.Count} days without working hours");
        }

        var holidays = days.Select(d => d.Holiday).OfType<Holiday>().ToList();
        if (holidays.Count > 3)
        {
            items.Add($"{holidays.Count} holidays");
        }
        else
        {
            items.AddRange(holidays.Select(h => h.Name ?? $"the holiday {h.Date:yyyy-MM-dd}"));
        }

        return items.Count switch
        {
            0 => null,
            1 => "skips " + items[0],
            _ => "skips " + string.Join(", ", items[..^1]) + " and " + items[^1],
        };
    }
}
