using System.Linq.Expressions;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Dashboards;

/// <summary>
/// Calendar days in a viewer's time zone, computed by the database: a stored UTC time becomes the index of its
/// local day within a period, so per-day figures are one GROUP BY and a ticket created 23:30 UTC counts on the
/// next day for a viewer in UTC+1.
/// </summary>
/// <remarks>
/// The local time of an instant is the instant plus the zone's offset, and the offset only changes at the zone's
/// transitions (daylight saving). Those are found here, once per period, so the SQL needs no time-zone database
/// (SQLite has none): day index = floor((hours since the period's first local midnight + offset changes since
/// then) / 24).
/// </remarks>
internal static class LocalDays
{
    /// <summary>
    /// SQLite computes hours through julianday, whose doubles can land a few microseconds below an exact day
    /// boundary; half a millisecond is far above that error and below any gap between two stored times that matters.
    /// </summary>
    private const double RoundingSlackHours = 0.0005 / 3600;

    private static readonly System.Reflection.MethodInfo HoursBetween = typeof(TicketMetrics).GetMethod(nameof(TicketMetrics.HoursBetween))!;
    private static readonly System.Reflection.MethodInfo Floor = typeof(Math).GetMethod(nameof(Math.Floor), [typeof(double)])!;

    /// <summary>When <paramref name="day"/> begins in <paramref name="zone"/>, as UTC; where midnight is skipped by a clock change, the first valid minute after it.</summary>
    public static DateTime StartUtc(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>The index (0 = the filter's first day) of the local day that <paramref name="time"/> falls on, as a query expression.</summary>
    public static Expression<Func<Ticket, int>> IndexOf(Expression<Func<Ticket, DateTime>> time, DashboardFilter filter)
    {
        var from = filter.FromUtc;
        Expression hours = Expression.Call(HoursBetween, Parameter(from), time.Body);
        foreach (var (at, changeHours) in OffsetChanges(filter))
        {
            hours = Expression.Add(hours, Expression.Condition(
                Expression.GreaterThanOrEqual(time.Body, Parameter(at)), Expression.Constant(changeHours), Expression.Constant(0.0)));
        }

        var days = Expression.Divide(Expression.Add(hours, Expression.Constant(RoundingSlackHours)), Expression.Constant(24.0));
        return Expression.Lambda<Func<Ticket, int>>(Expression.Convert(Expression.Call(Floor, days), typeof(int)), time.Parameters);
    }

    /// <summary>Each instant in the period where the zone's offset changes, with the change in hours.</summary>
    private static List<(DateTime At, double ChangeHours)> OffsetChanges(DashboardFilter filter)
    {
        var zone = filter.Zone;
        var changes = new List<(DateTime, double)>();
        var start = filter.FromUtc;
        for (var day = filter.FirstDay; day <= filter.LastDay; day = day.AddDays(1))
        {
            var end = StartUtc(day.AddDays(1), zone);
            var before = zone.GetUtcOffset(start);
            var after = zone.GetUtcOffset(end);
            if (before != after)
            {
                // Zones change their offset on whole minutes; find the first minute of the new offset.
                int low = 0, high = (int)(end - start).TotalMinutes;
                while (low < high)
                {
                    var middle = (low + high) / 2;
                    (low, high) = zone.GetUtcOffset(start.AddMinutes(middle)) == after ? (low, middle) : (middle + 1, high);
                }

                changes.Add((start.AddMinutes(low), (after - before).TotalHours));
            }

            start = end;
        }

        return changes;
    }

    /// <summary>Holds a time so EF sends it as a query parameter rather than a literal in the SQL text.</summary>
    private static MemberExpression Parameter(DateTime value) => Expression.Property(Expression.Constant(new Instant(value)), nameof(Instant.Value));

    private sealed record Instant(DateTime Value);
}
