using System.Globalization;
using SupportDesk.Data.Queue;

namespace SupportDesk.Web.Components.Queue;

/// <summary>
/// What the bulk action bar acts on: the picked rows, or everything the filter matches. The texts name the tickets
/// each kind of action can reach, for its button and its question (live ones for changes and the trash, deleted
/// ones for restore and permanent delete).
/// </summary>
public sealed record BulkSelection(BulkTarget Target, string Summary, string Live, string Deleted, bool AnyLive, bool AnyDeleted)
{
    public static BulkSelection Rows(IReadOnlyCollection<QueueRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var deleted = rows.Count(r => r.IsDeleted);
        return new BulkSelection(
            BulkTarget.Tickets([.. rows.Select(r => r.Number)]), $"{Tickets(rows.Count, false)} selected",
            Tickets(rows.Count - deleted, false), Tickets(deleted, false), rows.Count > deleted, deleted > 0);
    }

    /// <summary>Every ticket the filter matches; with deleted ones included, each action reaches only its own kind among them.</summary>
    public static BulkSelection Matching(QueueFilter filter, int total, bool capped)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var all = Tickets(total, capped);
        var summary = $"All {all} matching this filter are selected";
        return filter.IncludeDeleted
            ? new BulkSelection(BulkTarget.Matching(filter), summary, $"the live tickets among {all}", $"the deleted tickets among {all}", true, true)
            : new BulkSelection(BulkTarget.Matching(filter), summary, all, "no deleted tickets", true, false);
    }

    public static string Tickets(int count, bool capped) => capped
        ? string.Create(CultureInfo.InvariantCulture, $"{count:N0}+ tickets")
        : string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? "ticket" : "tickets")}");
}
