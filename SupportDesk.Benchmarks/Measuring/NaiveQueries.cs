using Microsoft.EntityFrameworkCore;
using SupportDesk.Data;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Benchmarks.Measuring;

/// <summary>
/// The baseline: the same questions asked the way a first version usually asks them. The ticket list is the
/// eager-loaded entity query; a page is OFFSET/LIMIT plus an exact COUNT over that query; text is
/// <c>ILIKE '%term%'</c> over title and description; a bulk change loads the tickets and saves them tracked.
/// </summary>
internal sealed class NaiveQueries(IDbContextFactory<SupportDbContext> contexts)
{
    public const int PageSize = 50;

    public async Task PageAsync(Func<IQueryable<Ticket>, IQueryable<Ticket>> filter, int offset, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tickets = filter(db.Tickets.AsNoTracking()
            .Include(t => t.Creator)
            .Include(t => t.Assignee)
            .Include(t => t.TicketTags).ThenInclude(tt => tt.Tag)
            .Where(t => t.DeletedAt == null));
        await tickets.CountAsync(cancellationToken);
        await tickets.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Skip(offset).Take(PageSize).ToListAsync(cancellationToken);
    }

    public static IQueryable<Ticket> Containing(IQueryable<Ticket> tickets, string term)
    {
        var pattern = $"%{term}%";
        return tickets.Where(t => EF.Functions.ILike(t.Title, pattern) || EF.Functions.ILike(t.Description, pattern));
    }

    /// <summary>Exact counts, one per view, with no cap.</summary>
    public async Task CountAllAsync(IReadOnlyList<Func<IQueryable<Ticket>, IQueryable<Ticket>>> views, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var view in views)
        {
            await view(db.Tickets.Where(t => t.DeletedAt == null)).CountAsync(cancellationToken);
        }
    }

    public async Task SetStatusAsync(IReadOnlyList<string> numbers, TicketStatus status, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tickets = await db.Tickets.Where(t => numbers.Contains(t.Number)).ToListAsync(cancellationToken);
        foreach (var ticket in tickets)
        {
            ticket.Status = status;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
