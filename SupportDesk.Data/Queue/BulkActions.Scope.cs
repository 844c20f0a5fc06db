using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;
using SupportDesk.Data.Access;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Sla;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Queue;

/// <summary>What every bulk action shares: the role check, one context and one transaction, the target's tickets, audit rows.</summary>
public sealed partial class BulkActions
{
    /// <summary>
    /// Checks the actor's role, then runs <paramref name="work"/> in one context and one transaction, committed only
    /// when the work succeeds. Admins alone may work in the trash (restore, permanent delete); every staff member may do the rest.
    /// </summary>
    private async Task<ServiceResult<int>> InTransactionAsync(
        Actor actor, BulkTarget target, bool adminOnly, AuditSource? source, Func<BulkScope, Task<ServiceResult<int>>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(target);
        if (adminOnly && !actor.IsAdmin)
        {
            return ServiceResult<int>.Failure("", "Only admins can restore or permanently delete tickets.");
        }

        if (!actor.IsStaff)
        {
            return ServiceResult<int>.Failure("", "Only agents and admins can change tickets in bulk.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditSource = source ?? new AuditSource(actor.UserId);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (target.Filter is { } filter)
        {
            target = target with { Filter = await QueueFilters.ResolveAsync(db, actor, filter, now, cancellationToken) };
        }

        var result = await work(new BulkScope(db, transaction, actor, target, db.AuditSource, now));
        if (result.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// A field change that needs nothing but <see cref="ChangeAsync"/>; with <paramref name="slaInputs"/> (priority, status)
    /// the changed tickets' SLA columns are recomputed in the same transaction.
    /// </summary>
    private Task<ServiceResult<int>> UpdateAsync<T>(
        Actor actor,
        BulkTarget target,
        bool trashed,
        bool slaInputs,
        AuditSource? source,
        AuditAction action,
        Expression<Func<Ticket, bool>> changes,
        Expression<Func<Ticket, BulkRow<T>>> row,
        Func<T, DateTime, IReadOnlyList<FieldChange>> describe,
        Action<UpdateSettersBuilder<Ticket>, DateTime> set,
        CancellationToken cancellationToken) =>
        InTransactionAsync(actor, target, adminOnly: trashed, source, async scope =>
        {
            var rows = await ChangeAsync(scope, trashed, action, changes, row, describe, set, cancellationToken);
            if (slaInputs && rows.Count > 0)
            {
                var ids = rows.Select(r => r.Id).ToList();
                await TicketSlaRefresh.RefreshAsync(scope.Db, scope.Db.Tickets.Where(t => ids.Contains(t.Id)), scope.Now, cancellationToken);
            }

            return ServiceResult<int>.Ok(rows.Count);
        },
        cancellationToken);

    /// <summary>
    /// The shared shape of every field change: read the tickets that <paramref name="changes"/> selects with their old
    /// values, update exactly those, and add one audit entry each.
    /// </summary>
    /// <returns>The tickets changed.</returns>
    private static async Task<List<BulkRow<T>>> ChangeAsync<T>(
        BulkScope scope,
        bool trashed,
        AuditAction action,
        Expression<Func<Ticket, bool>> changes,
        Expression<Func<Ticket, BulkRow<T>>> row,
        Func<T, DateTime, IReadOnlyList<FieldChange>> describe,
        Action<UpdateSettersBuilder<Ticket>, DateTime> set,
        CancellationToken cancellationToken)
    {
        var rows = await scope.Tickets(trashed).Where(changes).Select(row).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return rows;
        }

        await TouchAsync(scope, rows.Select(r => r.Id).ToList(), s => set(s, scope.Now), cancellationToken);
        await scope.AuditAsync(action, rows.Select(r => (r.Number, (IEnumerable<FieldChange>)describe(r.Before, scope.Now))), cancellationToken);
        return rows;
    }

    private static Task<int> TouchAsync(BulkScope scope, List<long> ids, Action<UpdateSettersBuilder<Ticket>> set, CancellationToken cancellationToken) =>
        scope.Db.Tickets.Where(t => ids.Contains(t.Id)).ExecuteStampedUpdateAsync(scope.Db, scope.Now, set, cancellationToken);

    private sealed record BulkScope(SupportDbContext Db, IDbContextTransaction Transaction, Actor Actor, BulkTarget Target, AuditSource Source, DateTime Now)
    {
        /// <summary>The target's tickets the actor may see: live ones, or (for the trash actions) deleted ones.</summary>
        public IQueryable<Ticket> Tickets(bool trashed)
        {
            IQueryable<Ticket> tickets;
            if (Target.Filter is { } filter)
            {
                tickets = QueueFilters.Apply(Db, Actor, filter with { IncludeDeleted = trashed }, Now);
            }
            else
            {
                var numbers = Target.Numbers.Distinct().ToList();
                tickets = Db.Tickets.AsNoTracking().VisibleTo(Actor, trashed).Where(t => numbers.Contains(t.Number));
            }

            return trashed ? tickets.Where(t => t.DeletedAt != null) : tickets.Where(t => t.DeletedAt == null);
        }

        /// <summary>One audit entry per ticket, through <see cref="BulkAudit"/>.</summary>
        public Task AuditAsync(AuditAction action, IEnumerable<(string Number, IEnumerable<FieldChange> Changes)> entries, CancellationToken cancellationToken) =>
            BulkAudit.AddAsync(Db, Source, Now, action, entries, cancellationToken);
    }
}
