using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Audit;

namespace SupportDesk.Data.Tickets;

internal static class TicketConflicts
{
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
