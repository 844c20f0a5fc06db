using Microsoft.EntityFrameworkCore;

namespace SupportDesk.Data.Sla;

/// <summary>
/// Gives tickets opened before SLA policies existed (no policy, live, unfinished) their due times, once, at start-up.
/// Later starts find nothing to do: every ticket saved since carries a policy. Each batch of
/// <see cref="TicketSlaRefresh.BatchSize"/> tickets commits on its own, so a large backlog never holds one long transaction.
/// </summary>
public sealed class SlaBackfill(IDbContextFactory<SupportDbContext> contexts, TimeProvider clock)
{
    /// <returns>How many tickets got due times.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var ids = await db.Tickets.Where(t => t.SlaPolicyId == null && t.DeletedAt == null && t.ResolvedAt == null)
                .OrderBy(t => t.Id).Select(t => t.Id).Take(TicketSlaRefresh.BatchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return total;
            }

            total += await TicketSlaRefresh.RefreshAsync(db, db.Tickets.Where(t => ids.Contains(t.Id)), clock.GetUtcNow().UtcDateTime, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
