using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Export;

/// <summary>
/// Every ticket of a queue view as CSV, in the view's order, read in keyset batches and written as it is read,
/// so an export of a million tickets holds one batch in memory. Comments (and so internal notes) are never part of it.
/// </summary>
public sealed class TicketExport(IDbContextFactory<SupportDbContext> contexts, TimeProvider clock)
{
    public const int DefaultBatchSize = 1_000;

    public static IReadOnlyList<string> Header { get; } =
        ["Number", "Title", "Status", "Priority", "Category", "Customer", "Assignee", "Tags", "Created", "Updated", "Resolved", "First response", "SLA due"];

    /// <summary>Rows read per query; small in tests so a handful of tickets spans several batches.</summary>
    internal int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>
    /// Writes the header and every matching ticket to <paramref name="output"/>. "Best match" has no order beyond
    /// its ranked window, so an export of it lists every match newest first instead.
    /// </summary>
    public async Task<ServiceResult> WriteAsync(Actor actor, QueueFilter filter, QueueSort sort, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(sort);
        ArgumentNullException.ThrowIfNull(output);
        if (!actor.IsStaff)
        {
            return ServiceResult.Failure("", "Only staff can export tickets.");
        }

        if (sort.Key == QueueSortKey.Relevance)
        {
            sort = new QueueSort();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var csv = new CsvWriter(output);
        await csv.WriteRowAsync(Header);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        filter = await QueueFilters.ResolveAsync(db, actor, filter, now, cancellationToken);
        QueueCursor? after = null;
        while (true)
        {
            var batch = await Project(QueueOrder.Apply(QueueFilters.Apply(db, actor, filter, now), sort, after, sort.Descending).Take(BatchSize))
                .ToListAsync(cancellationToken);
            var tags = await TagsAsync(db, [.. batch.Select(r => r.Id)], cancellationToken);
            foreach (var row in batch)
            {
                await csv.WriteRowAsync(
                    row.Number, row.Title, row.Status.ToString(), row.Priority.ToString(), row.Category, row.CustomerName, row.AssigneeName,
                    string.Join(", ", tags[row.Id]),
                    CsvWriter.Invariant(row.CreatedAt), CsvWriter.Invariant(row.UpdatedAt), CsvWriter.Invariant(row.ResolvedAt),
                    CsvWriter.Invariant(row.FirstResponseAt), CsvWriter.Invariant(row.SlaDueAt));
            }

            await output.FlushAsync(cancellationToken);
            if (batch.Count < BatchSize)
            {
                return ServiceResult.Success;
            }

            var last = batch[^1];
            after = QueueCursor.Decode(QueueQueries.Cursor(sort.Key, new QueueRow(
                last.Id, last.Number, last.Title, last.Status, last.Priority, last.Category, last.CustomerName, last.AssigneeName,
                last.CreatedAt, last.UpdatedAt, last.SlaDueAt, SlaAtRiskAt: null, SlaDueState.OnTrack, IsDeleted: false)));
        }
    }

    private static async Task<ILookup<long, string>> TagsAsync(SupportDbContext db, List<long> ids, CancellationToken cancellationToken) =>
        (await db.TicketTags.AsNoTracking().Where(tt => ids.Contains(tt.TicketId))
            .Select(tt => new { tt.TicketId, tt.Tag!.Name }).ToListAsync(cancellationToken))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToLookup(t => t.TicketId, t => t.Name);

    private static IQueryable<ExportRow> Project(IQueryable<Ticket> tickets) =>
        tickets.Select(t => new ExportRow(
            t.Id,
            t.Number,
            t.Title,
            t.Status,
            t.Priority,
            t.Category,
            t.Creator!.FullName,
            t.Assignee == null ? null : t.Assignee.FullName,
            t.CreatedAt,
            t.UpdatedAt,
            t.ResolvedAt,
            t.FirstResponseAt,
            t.SlaDueAt));

    private sealed record ExportRow(
        long Id,
        string Number,
        string Title,
        TicketStatus Status,
        TicketPriority Priority,
        string? Category,
        string CustomerName,
        string? AssigneeName,
        DateTime CreatedAt,
        DateTime UpdatedAt,
        DateTime? ResolvedAt,
        DateTime? FirstResponseAt,
        DateTime? SlaDueAt);
}
