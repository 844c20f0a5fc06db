using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Notifications;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.SlaAlerts;

/// <summary>
/// Tells assignees once that a ticket of theirs is at risk of missing its SLA. One transaction per run: read a bounded
/// batch of due tickets (oldest risk first, from the at-risk index), stamp exactly those, write one notification each.
/// The stamp is what makes the alert go out once; it commits with the notifications or not at all, so a failed run
/// leaves everything for the next one.
/// </summary>
public sealed class SlaAtRiskAlerts(IDbContextFactory<SupportDbContext> contexts)
{
    /// <summary>At most this many tickets per run; the rest follow a minute later, oldest risk first.</summary>
    public const int BatchSize = 500;

    /// <summary>The PostgreSQL advisory lock a run holds; the same on every node, unlike auto-close's.</summary>
    internal const long LockKey = 0x5344_536C_6141_6C72;

    /// <summary>Alerts what is at risk at <paramref name="now"/> and returns how many tickets it alerted.</summary>
    public async Task<int> AlertDueAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await AdvisoryLock.TryTakeAsync(db, LockKey, cancellationToken))
        {
            return 0;
        }

        var unfinished = BuiltInViews.Unfinished;
        var due = db.Tickets.Where(t => t.DeletedAt == null && t.SlaAtRiskAt <= now && t.SlaAlertedAt == null
            && t.AssigneeId != null && unfinished.Contains(t.Status));
        var batch = await due.OrderBy(t => t.SlaAtRiskAt).ThenBy(t => t.Id).Take(BatchSize)
            .Select(t => new { t.Id, t.Number, t.Title, t.AssigneeId, t.SlaDueAt }).ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        var ids = batch.Select(t => t.Id).ToList();
        var stamped = await due.Where(t => ids.Contains(t.Id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.SlaAlertedAt, now), cancellationToken);
        if (stamped != batch.Count)
        {
            // A ticket changed since the read (finished, unassigned, alerted by someone else): the UPDATE checked the
            // rule again and skipped it. Rather than tell someone about a ticket that no longer qualifies, alert
            // nothing now; the next run reads afresh.
            return 0;
        }

        db.Notifications.AddRange(batch.Select(t => new Notification
        {
            RecipientId = t.AssigneeId!,
            TicketId = t.Id,
            Kind = NotificationKind.SlaAtRisk,
            // A ticket can pass its due time unalerted (it had no assignee then); saying "at risk" would understate it.
            Message = TicketAssignment.Shorten(t.SlaDueAt <= now
                ? $"{t.Number} has missed its SLA: {t.Title}"
                : $"{t.Number} is at risk of missing its SLA: {t.Title}"),
            CreatedAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stamped;
    }
}
