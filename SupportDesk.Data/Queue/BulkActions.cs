using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SupportDesk.Data.Access;
using SupportDesk.Data.Attachments;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Notifications;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;

namespace SupportDesk.Data.Queue;

/// <summary>
/// Changes many tickets at once. Each action is one transaction of set-based statements: one read of the
/// tickets that will actually change (number and old value), one UPDATE or DELETE over them, and one INSERT
/// of their audit rows (<see cref="BulkAudit"/>), whose JSON <see cref="AuditChanges"/> still shapes, from
/// the (number, old value) pairs read first; tens of thousands of those fit in memory easily. ExecuteUpdate
/// bypasses the interceptors, so the updated time and SQLite's version counter are stamped here.
/// </summary>
public sealed partial class BulkActions(
    IDbContextFactory<SupportDbContext> contexts, TimeProvider clock, IAttachmentStore files, ILogger<BulkActions> logger)
{
    public Task<ServiceResult<int>> SetPriorityAsync(
        Actor actor, BulkTarget target, TicketPriority priority, AuditSource? source, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(priority))
        {
            return Task.FromResult(ServiceResult<int>.Failure("priority", "Choose a valid priority."));
        }

        return UpdateAsync(
            actor, target, trashed: false, slaInputs: true, source, AuditAction.Update,
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
            actor, target, trashed: false, slaInputs: true, source, AuditAction.Update,
            t => t.Status != status,
            t => new BulkRow<TicketStatus>(t.Id, t.Number, t.Status),
            (before, _) => [new FieldChange("status", before, status)],
            (s, now) => s.SetProperty(t => t.Status, status)
                .SetProperty(t => t.ResolvedAt, TicketClock.ResolvedAtAfter(status, now))
                .SetProperty(t => t.ClosedAt, TicketClock.ClosedAtAfter(status, now)),
            cancellationToken);
    }

    /// <summary>
    /// Assigns tickets to an active agent or admin; open tickets become in progress, as with a single assignment.
    /// The assignee gets one notification per ticket, as <see cref="TicketAssignment"/> sends it, so each links to its
    /// ticket and reads the same whichever way the ticket was assigned.
    /// </summary>
    public Task<ServiceResult<int>> AssignAsync(
        Actor actor, BulkTarget target, string assigneeId, AuditSource? source, CancellationToken cancellationToken) =>
        InTransactionAsync(actor, target, adminOnly: false, source, async scope =>
        {
            if (string.IsNullOrWhiteSpace(assigneeId) || !await scope.Db.IsActiveStaffAsync(assigneeId, cancellationToken))
            {
                return ServiceResult<int>.Failure("assigneeId", "Tickets can only be assigned to an active agent or admin.");
            }

            var rows = await ChangeAsync(
                scope, trashed: false, AuditAction.Update,
                t => t.AssigneeId != assigneeId,
                t => new BulkRow<AssignedBefore>(t.Id, t.Number, new AssignedBefore(t.AssigneeId, t.Status, t.Title)),
                (before, _) => before.Status == TicketStatus.Open
                    ? [new FieldChange("assigneeId", before.Assignee, assigneeId), new FieldChange("status", before.Status, TicketStatus.InProgress)]
                    : [new FieldChange("assigneeId", before.Assignee, assigneeId)],
                (s, _) => s.SetProperty(t => t.AssigneeId, assigneeId)
                    .SetProperty(t => t.Status, t => t.Status == TicketStatus.Open ? TicketStatus.InProgress : t.Status),
                cancellationToken);

            // Taking tickets oneself needs no announcement.
            if (rows.Count > 0 && assigneeId != actor.UserId)
            {
                var who = await scope.Db.Users.Where(u => u.Id == actor.UserId).Select(u => u.FullName).FirstOrDefaultAsync(cancellationToken);
                var notifications = rows.Select(r => new Notification
                {
                    RecipientId = assigneeId,
                    TicketId = r.Id,
                    Kind = NotificationKind.Assigned,
                    Message = TicketAssignment.Shorten($"{who} assigned you {r.Number}: {r.Before.Title}"),
                }).ToList();
                await NotificationOutbox.AddAsync(scope.Db, scope.Transaction, notifications, logger, cancellationToken);
            }

            return ServiceResult<int>.Ok(rows.Count);
        }, cancellationToken);
}
