using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Infrastructure;

namespace SupportDesk.Data.Tickets;

/// <summary>Moves tickets between statuses, stamping the status times and refusing stale or forbidden changes.</summary>
public sealed class TicketStatusChanges(IDbContextFactory<SupportDbContext> contexts, TimeProvider clock)
{
    /// <param name="expectedVersion">The version the caller saw; a newer save by someone else is a conflict. Null skips the check.</param>
    public async Task<ServiceResult<TicketStatus>> ChangeAsync(
        Actor actor, string number, TicketStatus status, uint? expectedVersion, AuditSource? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!Enum.IsDefined(status))
        {
            return ServiceResult<TicketStatus>.Failure("status", "Status must be Open, InProgress, WaitingOnCustomer, Resolved or Closed.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditSource = source ?? new AuditSource(actor.UserId);
        var ticket = await TicketLookup.VisibleAsync(db, actor, number, cancellationToken);
        if (ticket is null)
        {
            return ServiceResult<TicketStatus>.Missing("Ticket");
        }

        if (!actor.IsStaff && status is not (TicketStatus.Closed or TicketStatus.Open))
        {
            return ServiceResult<TicketStatus>.Failure("status", "Customers can close or reopen their tickets, nothing else.");
        }

        if (TicketConflicts.IsStale(ticket, expectedVersion))
        {
            return ServiceResult<TicketStatus>.Conflicted(await TicketConflicts.MessageAsync(contexts, number, cancellationToken));
        }

        TicketClock.MoveTo(ticket, status, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult<TicketStatus>.Conflicted(await TicketConflicts.MessageAsync(contexts, number, cancellationToken));
        }

        return ServiceResult<TicketStatus>.Ok(status);
    }
}
