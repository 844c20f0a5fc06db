using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Settings;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.AutoClose;

/// <summary>
/// Closes tickets that stayed resolved longer than the admins' setting allows. One transaction of set-based
/// statements: read the due tickets' numbers, update exactly those, insert one audit entry each. Nothing is kept
/// between runs, so a restart, or another node, simply finds whatever is due at that moment. No one is notified:
/// the customer already heard the ticket was resolved.
/// </summary>
public sealed class ResolvedTicketCloser(IDbContextFactory<SupportDbContext> contexts)
{
    /// <summary>What the audit trail records as the author of an automatic close.</summary>
    public static readonly AuditSource Source = SystemActor.Source("auto-close");

    /// <summary>
    /// The PostgreSQL advisory lock a run holds (visible in <c>pg_locks</c>). Any fixed number works; it only has to be
    /// the same on every node and unused by other locks.
    /// </summary>
    internal const long LockKey = 0x5344_4175_746F_436C;

    /// <summary>Closes what is due at <paramref name="now"/> and returns how many tickets it closed.</summary>
    public async Task<int> CloseDueAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await AdvisoryLock.TryTakeAsync(db, LockKey, cancellationToken))
        {
            // Another node is closing the same tickets right now.
            return 0;
        }

        var policy = await RuntimeSettings.ReadAutoCloseAsync(db, cancellationToken);
        if (!policy.Enabled)
        {
            return 0;
        }

        var cutoff = now.AddDays(-policy.Days);
        var due = db.Tickets.Where(t => t.Status == TicketStatus.Resolved && t.DeletedAt == null && t.ResolvedAt < cutoff);
        var numbers = await due.Select(t => new { t.Id, t.Number }).ToListAsync(cancellationToken);
        if (numbers.Count == 0)
        {
            return 0;
        }

        var ids = numbers.Select(t => t.Id).ToList();
        var count = await due.Where(t => ids.Contains(t.Id)).ExecuteStampedUpdateAsync(
            db,
            now,
            s => s.SetProperty(t => t.Status, TicketStatus.Closed)
                .SetProperty(t => t.ResolvedAt, TicketClock.ResolvedAtAfter(TicketStatus.Closed, now))
                .SetProperty(t => t.ClosedAt, TicketClock.ClosedAtAfter(TicketStatus.Closed, now)),
            cancellationToken);
        if (count != numbers.Count)
        {
            // Someone changed one of these tickets since the read: the UPDATE checked the rule again and skipped it.
            // Rather than audit a close that did not happen, close nothing now; the next run finds the rest.
            return 0;
        }

        db.AuditEntries.AddRange(numbers.Select(t => new AuditEntry
        {
            EntityName = nameof(Ticket),
            RecordId = t.Number,
            TicketNumber = t.Number,
            Action = AuditAction.Update,
            UserId = Source.UserId,
            IpAddress = Source.IpAddress,
            UserAgent = Source.UserAgent,
            Changes = AuditChanges.ToJson([new FieldChange("status", TicketStatus.Resolved, TicketStatus.Closed)]),
            CreatedAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return count;
    }
}
