using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SupportDesk.Data.Access;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Notifications;
using SupportDesk.Data.Users;

namespace SupportDesk.Data.Tickets;

/// <summary>Assigns tickets to staff, notifying the new assignee in the same transaction.</summary>
public sealed class TicketAssignment(IDbContextFactory<SupportDbContext> contexts, ILogger<TicketAssignment> logger)
{
    /// <param name="assigneeId">The agent or admin to assign; null leaves the ticket unassigned.</param>
    /// <param name="expectedVersion">The version the caller saw; null skips the check.</param>
    /// <returns>The ticket's new version.</returns>
    public async Task<ServiceResult<uint>> AssignAsync(
        Actor actor, string number, string? assigneeId, uint? expectedVersion, AuditSource? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditSource = source ?? new AuditSource(actor.UserId);
        var ticket = await TicketLookup.VisibleAsync(db, actor, number, cancellationToken);
        if (ticket is null)
        {
            return ServiceResult<uint>.Missing("Ticket");
        }

        if (!actor.IsStaff)
        {
            return ServiceResult<uint>.Failure("assigneeId", "Only agents and admins can assign tickets.");
        }

        assigneeId = string.IsNullOrWhiteSpace(assigneeId) ? null : assigneeId;
        if (assigneeId is not null && !await db.IsActiveStaffAsync(assigneeId, cancellationToken))
        {
            return ServiceResult<uint>.Failure("assigneeId", "Tickets can only be assigned to an active agent or admin.");
        }

        if (TicketConflicts.IsStale(ticket, expectedVersion))
        {
            return ServiceResult<uint>.Conflicted(await TicketConflicts.MessageAsync(contexts, number, cancellationToken));
        }

        var changed = ticket.AssigneeId != assigneeId;
        ticket.AssigneeId = assigneeId;
        if (assigneeId is not null && ticket.Status == TicketStatus.Open)
        {
            ticket.Status = TicketStatus.InProgress;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult<uint>.Conflicted(await TicketConflicts.MessageAsync(contexts, number, cancellationToken));
        }

        // Taking a ticket oneself needs no announcement.
        if (changed && assigneeId is not null && assigneeId != actor.UserId)
        {
            var who = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.FullName).FirstOrDefaultAsync(cancellationToken);
            Notification assigned = new()
            {
                RecipientId = assigneeId,
                TicketId = ticket.Id,
                Kind = NotificationKind.Assigned,
                Message = Shorten($"{who} assigned you {ticket.Number}: {ticket.Title}"),
            };
            await NotificationOutbox.AddAsync(db, transaction, [assigned], logger, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return ServiceResult<uint>.Ok(ticket.Version);
    }

    internal static string Shorten(string message) =>
        message.Length <= Notification.MessageMaxLength ? message : message[..(Notification.MessageMaxLength - 1)] + "…";
}
