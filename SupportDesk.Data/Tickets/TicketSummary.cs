using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;

namespace SupportDesk.Data.Tickets;

/// <summary>How many tickets are in one status (of those a summary, queue statistics, a tag or a dashboard counts).</summary>
public sealed record StatusCount(TicketStatus Status, int Count);

public sealed class TicketSummary(IDbContextFactory<SupportDbContext> contexts)
{
    public async Task<IReadOnlyList<StatusCount>> CountByStatusAsync(Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await db.Tickets.VisibleTo(actor)
            .GroupBy(t => t.Status)
            .Select(g => new StatusCount(g.Key, g.Count()))
            .ToListAsync(cancellationToken);
        return [.. Enum.GetValues<TicketStatus>().Select(s => counts.FirstOrDefault(c => c.Status == s) ?? new StatusCount(s, 0))];
    }
}
