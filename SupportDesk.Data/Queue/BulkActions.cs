using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using SupportDesk.Data.Access;
using SupportDesk.Data.Attachments;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;

namespace SupportDesk.Data.Queue;

/// <summary>
/// Changes many tickets at once. Each action is one transaction of set-based statements: one read of the
/// tickets that will actually change (number and old value), one UPDATE or DELETE over them, and their
/// audit rows added in memory and inserted by one SaveChanges. We chose that over INSERT … SELECT per
/// engine: one code path, the same JSON shape as <see cref="AuditChanges"/>, and tens of thousands of
/// (number, old value) pairs fit in memory easily. ExecuteUpdate bypasses the interceptors, so the updated
/// time and SQLite's version counter are stamped here.
/// </summary>
public sealed partial class BulkActions(IDbContextFactory<SupportDbContext> contexts, TimeProvider clock, IAttachmentStore files)
{
    public Task<ServiceResult<int>> SetPriorityAsync(
        Actor actor, BulkTarget target, TicketPriority priority, AuditSource? source, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(priority))
        {
            return Task.FromResult(ServiceResult<int>.Failure("priority", "Choose a valid priority."));
        }

        return UpdateAsync(
            actor, target, trashed: false, source, AuditAction.Update,
            t => t.Priority != priority,
            t => new BulkRow<TicketPriority>(t.Id, t.Number, t.Priority),
            (before, _) => [new FieldChange("priority", before, priority)],
            (s, _) => s.SetProperty(t => t.Priority, priority),
            cancellationToken);
    }

    /// <summary>Moves tickets to a status, stamping resolved and closed times by <see cref="TicketClock"/>'s rules.</summary>
    public Task<ServiceResult<int>> SetStatusAsync(
        Actor actor, BulkTarget target, TicketStatus status, AuditSource? source, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(status))
        {
            return Task.FromResult(ServiceResult<int>.Failure("status", "Choose a valid status."));
        }

        return UpdateAsync(
            actor, target, trashed: false, source, AuditAction.Update,
            t => t.Status != status,
            t => new BulkRow<TicketStatus>(t.Id, t.Number, t.Status),
            (before, _) => [new FieldChange("status", before, status)],
            (s, now) => s.SetProperty(t => t.Status, status)
                .SetProperty(t => t.ResolvedAt, TicketClock.ResolvedAtAfter(status, now))
                .SetProperty(t => t.ClosedAt, TicketClock.ClosedAtAfter(status, now)),
            cancellationToken);
    }

    /// <summary>Assigns tickets to an active agent or admin; open tickets become in progress, as with a single assignment.</summary>
    public async Task<ServiceResult<int>> AssignAsync(
        Actor actor, BulkTarget target, string assigneeId, AuditSource? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsStaff)
        {
            return StaffOnly();
        }

        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (string.IsNullOrWhiteSpace(assigneeId) || !await db.IsActiveStaffAsync(assigneeId, cancellationToken))
            {
                return ServiceResult<int>.Failure("assigneeId", "Tickets can only be assigned to an active agent or admin.");
            }
        }

        return await UpdateAsync(
            actor, target, trashed: false, source, AuditAction.Update,
            t => t.AssigneeId != assigneeId,
            t => new BulkRow<AssignedBefore>(t.Id, t.Number, new AssignedBefore(t.AssigneeId, t.Status)),
            (before, _) => before.Status == TicketStatus.Open
                ? [new FieldChange("assigneeId", before.Assignee, assigneeId), new FieldChange("status", before.Status, TicketStatus.InProgress)]
                : [new FieldChange("assigneeId", before.Assignee, assigneeId)],
            (s, _) => s.SetProperty(t => t.AssigneeId, assigneeId)
                .SetProperty(t => t.Status, t => t.Status == TicketStatus.Open ? TicketStatus.InProgress : t.Status),
            cancellationToken);
    }

    public Task<ServiceResult<int>> SoftDeleteAsync(Actor actor, BulkTarget target, AuditSource? source, CancellationToken cancellationToken) =>
        UpdateAsync(
            actor, target, trashed: false, source, AuditAction.SoftDelete,
            t => true,
            t => new BulkRow<DateTime?>(t.Id, t.Number, t.DeletedAt),
            (_, now) => [new FieldChange("deletedAt", null, now)],
            (s, now) => s.SetProperty(t => t.DeletedAt, now),
            cancellationToken);

    /// <summary>Admins only: takes tickets out of the trash.</summary>
    public Task<ServiceResult<int>> RestoreAsync(Actor actor, BulkTarget target, AuditSource? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsAdmin
            ? UpdateAsync(
                actor, target, trashed: true, source, AuditAction.Restore,
                t => true,
                t => new BulkRow<DateTime?>(t.Id, t.Number, t.DeletedAt),
                (before, _) => [new FieldChange("deletedAt", before, null)],
                (s, _) => s.SetProperty(t => t.DeletedAt, (DateTime?)null),
                cancellationToken)
            : Task.FromResult(AdminOnly());
    }

    /// <summary>Admins only: deletes tickets already in the trash for good, with their comments, attachments and tag links.</summary>
    public async Task<ServiceResult<int>> DeletePermanentlyAsync(Actor actor, BulkTarget target, AuditSource? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(target);
        if (!actor.IsAdmin)
        {
            return AdminOnly();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        List<string> keys;
        int count;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var rows = await Resolve(db, actor, target, trashed: true, now)
                .Select(t => new BulkRow<DeletedFields>(t.Id, t.Number, new DeletedFields(
                    t.Title, t.Description, t.Status, t.Priority, t.AssigneeId, t.Category, t.CustomFields, t.DeletedAt)))
                .ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                return ServiceResult<int>.Ok(0);
            }

            var ids = rows.Select(r => r.Id).ToList();
            keys = await db.Attachments.Where(a => ids.Contains(a.TicketId)).Select(a => a.StorageKey).ToListAsync(cancellationToken);
            await DatabaseAttachmentStore.DeleteChunksAsync(db, keys, cancellationToken);

            // Comments, attachments and tag links go by the foreign keys' ON DELETE CASCADE.
            count = await db.Tickets.Where(t => ids.Contains(t.Id)).ExecuteDeleteAsync(cancellationToken);
            db.AuditEntries.AddRange(rows.Select(r => Entry(r.Number, AuditAction.PermanentDelete, Gone(r.Before), source ?? new AuditSource(actor.UserId), now)));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // As with a single permanent delete: files cannot join the transaction, so they go once the rows are gone.
        await files.DeleteAsync(keys, CancellationToken.None);
        return ServiceResult<int>.Ok(count);
    }

    /// <summary>
    /// The shared shape of every field change: read the tickets that <paramref name="changes"/> selects with their old
    /// values, update exactly those, add one audit entry each, all in one transaction.
    /// </summary>
    private async Task<ServiceResult<int>> UpdateAsync<T>(
        Actor actor,
        BulkTarget target,
        bool trashed,
        AuditSource? source,
        AuditAction action,
        Expression<Func<Ticket, bool>> changes,
        Expression<Func<Ticket, BulkRow<T>>> row,
        Func<T, DateTime, IReadOnlyList<FieldChange>> describe,
        Action<UpdateSettersBuilder<Ticket>, DateTime> set,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(target);
        if (!actor.IsStaff)
        {
            return StaffOnly();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await Resolve(db, actor, target, trashed, now).Where(changes).Select(row).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return ServiceResult<int>.Ok(0);
        }

        var ids = rows.Select(r => r.Id).ToList();
        var count = await TouchAsync(db, ids, now, s => set(s, now), cancellationToken);
        db.AuditEntries.AddRange(rows.Select(r => Entry(r.Number, action, describe(r.Before, now), source ?? new AuditSource(actor.UserId), now)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ServiceResult<int>.Ok(count);
    }

    /// <summary>Updates the given tickets, stamping what the interceptors would have stamped on a tracked save.</summary>
    private static Task<int> TouchAsync(
        SupportDbContext db, List<long> ids, DateTime now, Action<UpdateSettersBuilder<Ticket>> set, CancellationToken cancellationToken)
    {
        // On PostgreSQL the version is xmin, which every UPDATE changes by itself.
        var bumpVersion = db.Model.FindEntityType(typeof(Ticket))!.FindProperty(nameof(Ticket.Version))!.ValueGenerated == ValueGenerated.Never;
        return db.Tickets.Where(t => ids.Contains(t.Id)).ExecuteUpdateAsync(
            s =>
            {
                set(s);
                s.SetProperty(t => t.UpdatedAt, now);
                if (bumpVersion)
                {
                    s.SetProperty(t => t.Version, t => t.Version + 1u);
                }
            },
            cancellationToken);
    }

    /// <summary>The target's tickets the actor may see: live ones, or (for the trash actions) deleted ones.</summary>
    private static IQueryable<Ticket> Resolve(SupportDbContext db, Actor actor, BulkTarget target, bool trashed, DateTime now)
    {
        IQueryable<Ticket> tickets;
        if (target.Filter is { } filter)
        {
            tickets = QueueFilters.Apply(db, actor, filter with { IncludeDeleted = trashed }, now);
        }
        else
        {
            var numbers = target.Numbers.Distinct().ToList();
            tickets = db.Tickets.AsNoTracking().VisibleTo(actor, trashed).Where(t => numbers.Contains(t.Number));
        }

        return trashed ? tickets.Where(t => t.DeletedAt != null) : tickets.Where(t => t.DeletedAt == null);
    }

    private static AuditEntry Entry(string number, AuditAction action, IEnumerable<FieldChange> changes, AuditSource source, DateTime now) => new()
    {
        EntityName = nameof(Ticket),
        RecordId = number,
        TicketNumber = number,
        Action = action,
        UserId = source.UserId,
        IpAddress = source.IpAddress,
        UserAgent = source.UserAgent,
        Changes = AuditChanges.ToJson(changes),
        CreatedAt = now,
    };

    /// <summary>A permanent delete records every field that had a value, as the single-ticket delete does.</summary>
    private static IEnumerable<FieldChange> Gone(DeletedFields before) =>
        new FieldChange[]
        {
            new("title", before.Title, null), new("description", before.Description, null), new("status", before.Status, null),
            new("priority", before.Priority, null), new("assigneeId", before.AssigneeId, null), new("category", before.Category, null),
            new("customFields", before.CustomFields, null), new("deletedAt", before.DeletedAt, null),
        }.Where(c => c.From is not null);

    private static ServiceResult<int> StaffOnly() => ServiceResult<int>.Failure("", "Only agents and admins can change tickets in bulk.");

    private static ServiceResult<int> AdminOnly() => ServiceResult<int>.Failure("", "Only admins can restore or permanently delete tickets.");
}
