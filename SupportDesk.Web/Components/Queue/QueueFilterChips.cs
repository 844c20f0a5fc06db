using System.Globalization;
using SupportDesk.Data.Queue;
using SupportDesk.Web.Components.Common;

namespace SupportDesk.Web.Components.Queue;

/// <summary>A filter the bar has no control for, shown so a reader can see why the list is narrowed and let it go.</summary>
public sealed record QueueFilterChip(string Key, string Label, Func<QueueFilter, QueueFilter> Clear);

/// <summary>
/// The chips for a particular assignee or creator and the created and resolved ranges: filters that arrive in an
/// address (a dashboard's link, a bookmark) rather than from the bar's controls.
/// </summary>
public static class QueueFilterChips
{
    public static IReadOnlyList<QueueFilterChip> For(QueueFilter filter, IReadOnlyDictionary<string, string> names, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(zone);
        string Name(string id) => names.TryGetValue(id, out var name) ? name : "an unknown user";
        var chips = new List<QueueFilterChip>();
        if (filter.AssigneeId is { } assignee)
        {
            chips.Add(new("assignee", $"Assigned to {Name(assignee)}", f => f with { AssigneeId = null }));
        }

        if (filter.CreatorId is { } creator)
        {
            chips.Add(new("creator", $"Opened by {Name(creator)}", f => f with { CreatorId = null }));
        }

        if (filter.CreatedFrom is not null || filter.CreatedTo is not null)
        {
            chips.Add(new("created", $"Created {Range(filter.CreatedFrom, filter.CreatedTo, zone)}", f => f with { CreatedFrom = null, CreatedTo = null }));
        }

        if (filter.ResolvedFrom is not null || filter.ResolvedTo is not null)
        {
            chips.Add(new("resolved", $"Resolved {Range(filter.ResolvedFrom, filter.ResolvedTo, zone)}", f => f with { ResolvedFrom = null, ResolvedTo = null }));
        }

        return chips;
    }

    /// <summary>
    /// Bounds on the reader's midnights read as whole days, the end's exclusive midnight as the day before it
    /// ("1–7 Mar 2026"); any other bound is shown as the exact time.
    /// </summary>
    private static string Range(DateTime? from, DateTime? to, TimeZoneInfo zone)
    {
        var firstDay = from is { } f ? Day(f, zone) : null;
        var lastDay = to is { } t ? Day(t, zone)?.AddDays(-1) : null;
        if ((from is null || firstDay is not null) && (to is null || lastDay is not null))
        {
            return (firstDay, lastDay) switch
            {
                ({ } first, { } last) when first == last => Text(first, "d MMM yyyy"),
                ({ } first, { } last) when first.Year == last.Year && first.Month == last.Month => $"{first.Day}–{Text(last, "d MMM yyyy")}",
                ({ } first, { } last) when first.Year == last.Year => $"{Text(first, "d MMM")} – {Text(last, "d MMM yyyy")}",
                ({ } first, { } last) => $"{Text(first, "d MMM yyyy")} – {Text(last, "d MMM yyyy")}",
                ({ } first, null) => $"from {Text(first, "d MMM yyyy")}",
                (null, { } last) => $"until {Text(last, "d MMM yyyy")}",
                _ => "",
            };
        }

        return (from, to) switch
        {
            ({ } start, { } end) => $"{UserTime.Format(start, zone)} – {UserTime.Format(end, zone)}",
            ({ } start, null) => $"from {UserTime.Format(start, zone)}",
            (null, { } end) => $"before {UserTime.Format(end, zone)}",
            _ => "",
        };
    }

    /// <summary>The local day that <paramref name="utc"/> starts, or null when it is not a local midnight.</summary>
    private static DateOnly? Day(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        return local.TimeOfDay == TimeSpan.Zero ? DateOnly.FromDateTime(local) : null;
    }

    private static string Text(DateOnly day, string format) => day.ToString(format, CultureInfo.InvariantCulture);
}
