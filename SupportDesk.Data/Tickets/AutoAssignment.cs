using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Users;

namespace SupportDesk.Data.Tickets;

/// <summary>Picks the assignee for a new ticket: the active agent with the fewest open tickets.</summary>
public static class AutoAssignment
{
    /// <summary>
    /// Counts Open and InProgress, non-deleted tickets per active agent; ties go to the agent who joined
    /// first (then by id), so the choice is the same on every node and engine.
    /// </summary>
    public static Task<string?> LeastLoadedAgentAsync(SupportDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Users.InRole(db, Roles.Agent).Where(a => a.IsActive)
            .Select(a => new
            {
                a.Id,
                a.CreatedAt,
                Load = db.Tickets.Count(t => t.AssigneeId == a.Id && t.DeletedAt == null
                    && (t.Status == TicketStatus.Open || t.Status == TicketStatus.InProgress)),
            })
            .OrderBy(a => a.Load).ThenBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Select(a => a.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
