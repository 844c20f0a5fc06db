using System.Globalization;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Sla;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Web.Components.Admin;

/// <summary>
/// What the SLA page edits: targets as hours and minutes, working hours as text per weekday ("09:00-12:00, 13:00-17:00",
/// empty for a day off) and holidays one per line ("2026-12-25 Christmas Day"). Only the text is parsed here; every rule
/// is checked by <see cref="SlaPolicies"/>.
/// </summary>
internal sealed class SlaPolicyForm
{
    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public int? Id { get; init; }
    public bool IsDefault { get; init; }
    public string Name { get; set; } = "";
    public string? Category { get; set; }
    public bool AroundTheClock { get; set; } = true;
    public string TimeZoneId { get; set; } = "UTC";
    public Dictionary<DayOfWeek, string> Hours { get; } = Week.ToDictionary(d => d, _ => "");
    public string Holidays { get; set; } = "";
    public Dictionary<(TicketPriority, SlaMetricKind), TargetTime> Targets { get; } = [];

    public static IReadOnlyList<DayOfWeek> Days => Week;

    public static SlaPolicyForm New() => From(null, "", null, BusinessCalendar.TwentyFourSeven(), SlaTargets.Default);

    public static SlaPolicyForm Edit(SlaPolicyView policy) =>
        From(policy.Id, policy.Name, policy.Category, policy.Calendar, policy.Targets, policy.IsDefault);

    private static SlaPolicyForm From(int? id, string name, string? category, BusinessCalendar calendar, SlaTargets targets, bool isDefault = false)
    {
        var form = new SlaPolicyForm
        {
            Id = id,
            IsDefault = isDefault,
            Name = name,
            Category = category,
            AroundTheClock = calendar.AroundTheClock,
            TimeZoneId = calendar.TimeZoneId,
            Holidays = string.Join("\n", calendar.Holidays.Select(h => $"{h.Date:yyyy-MM-dd} {h.Name}".TrimEnd())),
        };
        foreach (var day in Week)
        {
            form.Hours[day] = string.Join(", ", calendar.Hours.Where(h => h.Day == day).OrderBy(h => h.Start).Select(h => $"{h.Start:HH:mm}-{h.End:HH:mm}"));
        }

        foreach (var priority in Enum.GetValues<TicketPriority>())
        {
            form.Targets[(priority, SlaMetricKind.FirstResponse)] = TargetTime.Of(targets.For(priority).FirstResponse);
            form.Targets[(priority, SlaMetricKind.Resolution)] = TargetTime.Of(targets.For(priority).Resolution);
        }

        return form;
    }

    /// <summary>The input for the service, or the text that could not be read, tied to its field.</summary>
    public SlaPolicyInput? ToInput(List<FieldError> errors)
    {
        var hours = new List<WorkingHours>();
        var holidays = new List<Holiday>();
        if (!AroundTheClock)
        {
            foreach (var day in Week)
            {
                foreach (var part in Hours[day].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var ends = part.Split(['-', '–'], StringSplitOptions.TrimEntries);
                    if (ends.Length == 2 && Time(ends[0]) is { } start && Time(ends[1]) is { } end)
                    {
                        hours.Add(new WorkingHours(day, start, end));
                    }
                    else
                    {
                        errors.Add(new FieldError("hours", $"{day}: \"{part}\" is not a working interval; write it like 09:00-17:00."));
                    }
                }
            }

            foreach (var line in Holidays.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var date = line.Split(' ', 2)[0];
                if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    holidays.Add(new Holiday(day, line.Length > date.Length ? line[date.Length..].Trim() : null));
                }
                else
                {
                    errors.Add(new FieldError("holidays", $"\"{line}\" does not start with a date; write holidays like 2026-12-25 Christmas Day."));
                }
            }
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var calendar = AroundTheClock ? BusinessCalendar.TwentyFourSeven(TimeZoneId) : BusinessCalendar.Weekly(TimeZoneId, hours, holidays);
        SlaTarget Target(TicketPriority p) => new(Targets[(p, SlaMetricKind.FirstResponse)].Span, Targets[(p, SlaMetricKind.Resolution)].Span);
        var targets = new SlaTargets(Target(TicketPriority.Low), Target(TicketPriority.Medium), Target(TicketPriority.High), Target(TicketPriority.Urgent));
        return new SlaPolicyInput(Name, IsDefault ? null : Category, calendar, targets);
    }

    /// <summary>The service's field name for one target, e.g. <c>high.firstResponse</c>.</summary>
    public static string Field(TicketPriority priority, SlaMetricKind kind) =>
        $"{priority.ToString().ToLowerInvariant()}.{(kind == SlaMetricKind.FirstResponse ? "firstResponse" : "resolution")}";

    private static TimeOnly? Time(string text) =>
        TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}

/// <summary>A target as the form edits it: whole hours and minutes.</summary>
internal sealed class TargetTime
{
    public int Hours { get; set; }
    public int Minutes { get; set; }

    public TimeSpan Span => TimeSpan.FromHours(Hours) + TimeSpan.FromMinutes(Minutes);

    public static TargetTime Of(TimeSpan span) => new() { Hours = (int)span.TotalHours, Minutes = span.Minutes };
}
