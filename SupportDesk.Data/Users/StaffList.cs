using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;

namespace SupportDesk.Data.Users;

/// <summary>An agent or admin as the assignee picker shows them.</summary>
public sealed record StaffOption(string Id, string FullName);

/// <summary>The people a ticket can be assigned to, and the names of people staff screens mention, for staff screens.</summary>
public sealed class StaffList(IDbContextFactory<SupportDbContext> contexts)
{
    /// <summary>Active agents and admins by name; customers get an empty list (staff names are not theirs to browse).</summary>
    public async Task<IReadOnlyList<StaffOption>> ActiveAsync(Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsStaff)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ActiveStaff().AsNoTracking()
            .OrderBy(u => u.FullName).ThenBy(u => u.Id)
            .Select(u => new StaffOption(u.Id, u.FullName))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The full names of <paramref name="userIds"/>, any role and deactivated ones too (a filter may name a past agent
    /// or a customer); unknown ids are left out, and customers get none.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(Actor actor, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(userIds);
        if (!actor.IsStaff || userIds.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.FullName })
            .ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
    }
}
