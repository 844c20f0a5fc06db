using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Attachments;
using SupportDesk.Data.Infrastructure;

namespace SupportDesk.Data.Tickets;

/// <summary>Reads single tickets through the one visibility rule, as read models, never as entities; lists come from <see cref="Queue.QueueQueries"/>.</summary>
public sealed class TicketQueries(IDbContextFactory<SupportDbContext> contexts)
{
    /// <summary>The ticket with its comments (internal notes for staff only), as the API returns it.</summary>
    public async Task<ServiceResult<TicketDetails>> GetAsync(Actor actor, string number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await FindAsync(db, actor, number, cancellationToken) is not { } details)
        {
            return ServiceResult<TicketDetails>.Missing("Ticket");
        }

        var staff = actor.IsStaff;
        var comments = await db.Comments.AsNoTracking()
            .Where(c => c.TicketId == details.Id && (staff || !c.IsInternal))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new CommentView(c.Id, c.AuthorId, c.Author!.FullName, c.Content, c.IsInternal, c.CreatedAt))
            .ToListAsync(cancellationToken);
        return ServiceResult<TicketDetails>.Ok(await AttachmentLists.AddToAsync(db, actor, details with { Comments = comments }, cancellationToken));
    }

    /// <summary>
    /// The ticket with <see cref="TicketDetails.Comments"/> left empty, for pages that show the comments through
    /// <see cref="TicketTimeline"/>, so a long conversation is not read twice.
    /// </summary>
    public async Task<ServiceResult<TicketDetails>> GetWithoutCommentsAsync(Actor actor, string number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await FindAsync(db, actor, number, cancellationToken) is { } details
            ? ServiceResult<TicketDetails>.Ok(await AttachmentLists.AddToAsync(db, actor, details, cancellationToken))
            : ServiceResult<TicketDetails>.Missing("Ticket");
    }

    private static Task<TicketDetails?> FindAsync(SupportDbContext db, Actor actor, string number, CancellationToken cancellationToken) =>
        db.Tickets.AsNoTracking().VisibleTo(actor)
            .Where(t => t.Number == number)
            .Select(t => new TicketDetails(
                t.Id,
                t.Number,
                t.Title,
                t.Description,
                t.Status,
                t.Priority,
                t.Category,
                t.CreatorId,
                t.Creator!.FullName,
                t.AssigneeId,
                t.Assignee == null ? null : t.Assignee.FullName,
                t.TicketTags.OrderBy(tt => tt.Tag!.Name).Select(tt => tt.Tag!.Name).ToList(),
                t.CustomFields,
                t.CreatedAt,
                t.UpdatedAt,
                t.ResolvedAt,
                t.ClosedAt,
                t.FirstResponseAt,
                t.Version,
                new List<CommentView>()))
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
}
