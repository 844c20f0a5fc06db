using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Users;

namespace SupportDesk.Data.Tickets;

/// <summary>Picks the assignee for a new ticket: the active agent with the fewest open tickets.</summary>
public static class AutoAssignment
{
    public static async Task<string?> LeastLoadedAgentAsync(SupportDbContext db, CancellationToken cancellationToken) =>
        (await LoadsAsync(db, cancellationToken)).Next();

    /// <summary>
    /// Counts Open and InProgress, non-deleted tickets per active agent; ties go to the agent who joined
    /// first (then by id), so the choice is the same on every node and engine.
    /// </summary>
    internal static async Task<AgentLoads> LoadsAsync(SupportDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var agents = await db.Users.InRole(db, Roles.Agent).Where(a => a.IsActive)
            .Select(a => new
            {
                a.Id,
                a.CreatedAt,
                Load = db.Tickets.Count(t => t.AssigneeId == a.Id && t.DeletedAt == null
                    && (t.Status == TicketStatus.Open || t.Status == TicketStatus.InProgress)),
            })
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return new AgentLoads([.. agents.Select(a => (a.Id, a.Load))]);
    }
}

/// <summary>
/// The agents' open-ticket counts in tie-break order. Each pick counts the new ticket, so a batch of new tickets is
/// spread as it would be were they opened one by one.
/// </summary>
internal sealed class AgentLoads(List<(string Id, int Load)> agents)
{
    /// <summary>The least-loaded agent (the earliest in order on a tie), or null when there is none.</summary>
    public string? Next()
    {
        if (agents.Count == 0)
        {
            return null;
        }

        var pick = 0;
        for (var i = 1; i < agents.Count; i++)
        {
            if (agents[i].Load < agents[pick].Load)
            {
                pick = i;
            }
        }

        agents[pick] = (agents[pick].Id, agents[pick].Load + 1);
        return agents[pick].Id;
    }
}
