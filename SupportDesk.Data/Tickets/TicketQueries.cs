using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Attachments;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Search;

namespace SupportDesk.Data.Tickets;

/// <summary>Reads tickets through the one visibility rule, as read models, never as entities.</summary>
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

    public async Task<TicketListPage> ListAsync(Actor actor, TicketListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = Math.Clamp(query.PageSize, 1, TicketListQuery.MaxPageSize);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tickets = db.Tickets.AsNoTracking().VisibleTo(actor);
        if (query.Statuses is { Count: > 0 } statuses)
        {
            tickets = tickets.Where(t => statuses.Contains(t.Status));
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            tickets = tickets.Matching(db, actor, query.Search, await TicketTextSearch.MatchForAsync(db, actor, query.Search, cancellationToken));
        }

        var total = await tickets.CountAsync(cancellationToken);
        var items = await tickets
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Skip(query.Skip(pageSize)).Take(pageSize)
            .Select(t => new TicketRow(t.Number, t.Title, t.Status, t.Priority, t.Assignee == null ? null : t.Assignee.FullName, t.CreatedAt, t.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new TicketListPage(items, total);
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
