using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Sla;

/// <summary>
/// Recomputes the SLA columns of many tickets after a change that bypassed <see cref="SlaInterceptor"/> (a bulk
/// action, a policy edit, the start-up backfill), in the caller's context and transaction. Work is bounded per
/// batch: one read of the tickets (keyset on id), one read of their audit entries, arithmetic in memory, and one
/// UPDATE for the tickets whose columns actually changed (<see cref="TicketSlaWrites"/>).
/// </summary>
public static class TicketSlaRefresh
{
    internal const int BatchSize = 500;

    /// <returns>How many tickets' columns changed.</returns>
    public static async Task<int> RefreshAsync(SupportDbContext db, IQueryable<Ticket> tickets, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var plans = await SlaPlans.ReadAsync(db, cancellationToken);
        var written = 0;
        long after = 0;
        while (true)
        {
            var batch = await tickets.AsNoTracking().Where(t => t.Id > after).OrderBy(t => t.Id).Take(BatchSize)
                .Select(t => new
                {
                    Facts = new TicketSlaFacts(t.Id, t.Number, t.CreatedAt, t.Priority, t.Status, t.Category, t.FirstResponseAt, t.ResolvedAt),
                    Stored = new TicketSlaColumns(
                        t.SlaPolicyId ?? 0, t.FirstResponseDueAt, t.ResolutionDueAt, t.SlaDueAt, t.SlaAtRiskAt, t.FirstResponseSlaMet, t.ResolutionSlaMet),
                })
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return written;
            }

            var history = await TicketSla.HistoryAsync(db, [.. batch.Select(b => b.Facts.Number)], sync: false, cancellationToken);
            var changed = batch
                .Select(row => (row.Facts.Id, Columns: TicketSla.Columns(plans.For(row.Facts.Category), row.Facts, history[row.Facts.Number], now), row.Stored))
                .Where(row => row.Columns != row.Stored)
                .Select(row => (row.Id, row.Columns))
                .ToList();
            await TicketSlaWrites.WriteAsync(db, changed, cancellationToken);
            written += changed.Count;
            after = batch[^1].Facts.Id;
        }
    }
}
