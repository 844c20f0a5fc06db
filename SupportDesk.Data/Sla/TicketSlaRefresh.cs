using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Sla;

/// <summary>
/// Recomputes the SLA columns of many tickets after a change that bypassed <see cref="SlaInterceptor"/> (a bulk
/// action, a policy edit, the start-up backfill), in the caller's context and transaction. Work is bounded per
/// batch: one read of the tickets (keyset on id), one read of their audit entries, arithmetic in memory, and one
/// UPDATE per ticket whose columns actually changed. The UPDATE neither stamps the updated time nor bumps the
/// version: the columns are derived, and the next save of the ticket recomputes them anyway.
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
            foreach (var row in batch)
            {
                var columns = TicketSla.Columns(plans.For(row.Facts.Category), row.Facts, history[row.Facts.Number], now);
                if (columns != row.Stored)
                {
                    await WriteAsync(db, row.Facts.Id, columns, cancellationToken);
                    written++;
                }
            }

            after = batch[^1].Facts.Id;
        }
    }

    private static Task<int> WriteAsync(SupportDbContext db, long id, TicketSlaColumns c, CancellationToken cancellationToken) =>
        db.Tickets.Where(t => t.Id == id).ExecuteUpdateAsync(
            s => s.SetProperty(t => t.SlaPolicyId, c.PolicyId)
                .SetProperty(t => t.FirstResponseDueAt, c.FirstResponseDueAt)
                .SetProperty(t => t.ResolutionDueAt, c.ResolutionDueAt)
                .SetProperty(t => t.SlaDueAt, c.SlaDueAt)
                .SetProperty(t => t.SlaAlertedAt, t => t.SlaAtRiskAt == c.SlaAtRiskAt ? t.SlaAlertedAt : null)
                .SetProperty(t => t.SlaAtRiskAt, c.SlaAtRiskAt)
                .SetProperty(t => t.FirstResponseSlaMet, c.FirstResponseSlaMet)
                .SetProperty(t => t.ResolutionSlaMet, c.ResolutionSlaMet),
            cancellationToken);
}
