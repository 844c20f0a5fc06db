using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;

namespace SupportDesk.Data.Notifications;

/// <summary>
/// A user's notifications. A notification about a ticket the user can no longer see (deleted,
/// or no longer theirs) is hidden by the same visibility rule every ticket read uses.
/// </summary>
public sealed class NotificationInbox(IDbContextFactory<SupportDbContext> contexts, TimeProvider clock)
{
    public const int ListSize = 20;

    public async Task<IReadOnlyList<NotificationItem>> LatestAsync(Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Mine(db, actor)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(ListSize)
            .Select(n => new NotificationItem(n.Id, n.Kind, n.Message, n.Ticket!.Number, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(cancellationToken);
    }

    public async Task<int> UnreadCountAsync(Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Mine(db, actor).CountAsync(n => n.ReadAt == null, cancellationToken);
    }

    /// <summary>Marks one notification read, or all of them when <paramref name="id"/> is null; returns how many changed.</summary>
    public async Task<int> MarkReadAsync(Actor actor, long? id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Notifications
            .Where(n => n.RecipientId == actor.UserId && n.ReadAt == null && (id == null || n.Id == id))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }

    private static IQueryable<Notification> Mine(SupportDbContext db, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var visible = db.Tickets.VisibleTo(actor);
        return db.Notifications.AsNoTracking()
            .Where(n => n.RecipientId == actor.UserId && (n.TicketId == null || visible.Any(t => t.Id == n.TicketId)));
    }
}
