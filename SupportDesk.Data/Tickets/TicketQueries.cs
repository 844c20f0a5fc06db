using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Attachments;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Search;

namespace SupportDesk.Data.Tickets;

/// <summary>Reads tickets through the one visibility rule, as read models, never as entities.</summary>
public sealed class TicketQueries(IDbContextFactory<SupportDbContext> contexts)
{
    public async Task<ServiceResult<TicketDetails>> GetAsync(Actor actor, string number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var staff = actor.IsStaff;
        var details = await db.Tickets.AsNoTracking().VisibleTo(actor)
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
                t.Comments
                    .Where(c => staff || !c.IsInternal)
                    .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
                    .Select(c => new CommentView(c.Id, c.AuthorId, c.Author!.FullName, c.Content, c.IsInternal, c.CreatedAt))
                    .ToList()))
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
        return details is null
            ? ServiceResult<TicketDetails>.Missing("Ticket")
            : ServiceResult<TicketDetails>.Ok(await AttachmentLists.AddToAsync(db, actor, details, cancellationToken));
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
}
