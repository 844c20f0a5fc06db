using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Audit;

namespace SupportDesk.Data.Tickets;

internal static class TicketConflicts
{
    /// <summary>
    /// Whether the ticket changed since the caller read <paramref name="expectedVersion"/> (null: the caller
    /// did not say). A change that lands between this read and the save is caught by the concurrency token.
    /// Both engines answer alike, even when the stale request would change nothing.
    /// </summary>
    public static bool IsStale(Ticket ticket, uint? expectedVersion) => expectedVersion is { } version && ticket.Version != version;

    /// <summary>"Changed by X meanwhile": names whoever saved the ticket last, from its audit trail.</summary>
    public static async Task<string> MessageAsync(IDbContextFactory<SupportDbContext> contexts, string number, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var name = await db.AuditEntries
            .Where(a => a.EntityName == nameof(Ticket) && a.RecordId == number)
            .OrderByDescending(a => a.Id)
            .Select(a => a.User!.FullName)
            .FirstOrDefaultAsync(cancellationToken);
        return $"This ticket was changed by {name ?? "someone else"} meanwhile. Reload to see the change, then try again.";
    }
}
