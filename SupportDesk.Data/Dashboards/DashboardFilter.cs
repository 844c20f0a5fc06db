using SupportDesk.Data.Infrastructure;

namespace SupportDesk.Data.Dashboards;

/// <summary>
/// What a dashboard covers: whole days <see cref="FirstDay"/> to <see cref="LastDay"/> (both included) in the
/// viewer's <see cref="Zone"/>, and optionally one assignee, one category and one tag. Null filters mean "all".
/// </summary>
public sealed record DashboardFilter(DateOnly FirstDay, DateOnly LastDay, TimeZoneInfo Zone)
{
    /// <summary>A year and a day: enough for any yearly report, and the per-day chart stays readable.</summary>
    public const int MaxDays = 366;

    public string? AgentId { get; init; }
    public string? Category { get; init; }
    public string? Tag { get; init; }

    public int Days => LastDay.DayNumber - FirstDay.DayNumber + 1;

    /// <summary>The start of <see cref="FirstDay"/> in the viewer's zone, as UTC (inclusive).</summary>
    public DateTime FromUtc => LocalDays.StartUtc(FirstDay, Zone);

    /// <summary>The start of the day after <see cref="LastDay"/> in the viewer's zone, as UTC (exclusive).</summary>
    public DateTime ToUtc => LocalDays.StartUtc(LastDay.AddDays(1), Zone);

    /// <summary>The last <paramref name="days"/> days up to and including today in <paramref name="zone"/>.</summary>
    public static DashboardFilter LastDays(int days, DateTime nowUtc, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), zone));
        return new DashboardFilter(today.AddDays(1 - days), today, zone);
    }

    /// <summary>Every problem with the period; empty when it can be read.</summary>
    public IReadOnlyList<FieldError> Validate() =>
        LastDay < FirstDay ? [new FieldError("to", $"The period ends ({LastDay:yyyy-MM-dd}) before it starts ({FirstDay:yyyy-MM-dd}).")]
        : Days > MaxDays ? [new FieldError("to", $"The period is {Days} days long; pick at most {MaxDays} days.")]
        : [];
}
