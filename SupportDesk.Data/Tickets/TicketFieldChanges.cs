using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Tags;

namespace SupportDesk.Data.Tickets;

/// <summary>Changes a ticket's priority, category, tags and custom fields: staff only, in one save, never over someone else's change.</summary>
public sealed class TicketFieldChanges(IDbContextFactory<SupportDbContext> contexts, TimeProvider clock)
{
    /// <param name="expectedVersion">The version the caller saw; null skips the check.</param>
    /// <returns>The ticket's new version.</returns>
    public async Task<ServiceResult<uint>> UpdateAsync(
        Actor actor, string number, TicketFieldsUpdate update, uint? expectedVersion, AuditSource? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(update);
        var errors = new List<FieldError>();
        if (update.Priority is { } priority)
        {
            TicketRules.CheckPriority(priority, errors);
        }

        TicketRules.CheckCategory(update.Category, errors);
        var customFields = update.CustomFields is null ? null : TicketRules.NormalizeCustomFields(update.CustomFields, errors);
        var tagNames = update.Tags is null ? null : TagNames.Normalize(update.Tags, errors);
        if (errors.Count > 0)
        {
            return ServiceResult<uint>.Invalid(errors);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditSource = source ?? new AuditSource(actor.UserId);
        var ticket = await db.Tickets.VisibleTo(actor).Include(t => t.TicketTags).ThenInclude(tt => tt.Tag)
            .FirstOrDefaultAsync(t => t.Number == number, cancellationToken);
        if (ticket is null)
        {
            return ServiceResult<uint>.Missing("Ticket");
        }

        if (!actor.IsStaff)
        {
            return ServiceResult<uint>.Failure("", "Only agents and admins can change a ticket's priority, category, tags or custom fields.");
        }

        if (TicketConflicts.IsStale(ticket, expectedVersion))
        {
            return ServiceResult<uint>.Conflicted(await TicketConflicts.MessageAsync(contexts, number, cancellationToken));
        }

        ticket.Priority = update.Priority ?? ticket.Priority;
        ticket.Category = update.Category is null ? ticket.Category : TicketRules.Clean(update.Category);
        ticket.CustomFields = customFields ?? ticket.CustomFields;
        if (tagNames is not null && await ReplaceTagsAsync(db, ticket, tagNames, cancellationToken))
        {
            // Tag links live in their own table; saving the ticket row too makes a tag change bump its version,
            // even when the clock shows the same time as the last change.
            ticket.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            db.Entry(ticket).Property(t => t.UpdatedAt).IsModified = true;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult<uint>.Conflicted(await TicketConflicts.MessageAsync(contexts, number, cancellationToken));
        }

        return ServiceResult<uint>.Ok(ticket.Version);
    }

    private static async Task<bool> ReplaceTagsAsync(SupportDbContext db, Ticket ticket, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var removed = ticket.TicketTags.Where(tt => !names.Contains(tt.Tag!.Name)).ToList();
        db.TicketTags.RemoveRange(removed);
        var added = names.Except(ticket.TicketTags.Select(tt => tt.Tag!.Name)).ToList();
        await TagLinks.AddAsync(db, ticket, added, cancellationToken);
        return removed.Count > 0 || added.Count > 0;
    }
}
