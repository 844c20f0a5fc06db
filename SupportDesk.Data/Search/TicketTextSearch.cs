using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Search;

/// <summary>
/// The search box: full-text over title, description and replies (plus internal notes for staff), a
/// ticket number or a customer's email exactly, and partial titles. Each engine uses its own index.
/// </summary>
public static class TicketTextSearch
{
    /// <summary>Narrows <paramref name="tickets"/> (already limited to what the actor may see) to those matching <paramref name="text"/>.</summary>
    public static IQueryable<Ticket> Matching(this IQueryable<Ticket> tickets, SupportDbContext db, Actor actor, string text)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        text = text.Trim();
        var upper = text.ToUpperInvariant();
        var ids = db.Tickets.Where(t => t.Number == upper).Select(t => t.Id);
        if (actor.IsStaff)
        {
            ids = ids.Union(db.Tickets.Where(t => t.Creator!.NormalizedEmail == upper).Select(t => t.Id));
        }

        ids = db.Database.IsNpgsql() ? ids.Union(PostgresMatches(db, actor, text)) : SqliteMatches(db, actor, text, ids);
        return tickets.Where(t => ids.Contains(t.Id));
    }

    private static IQueryable<long> PostgresMatches(SupportDbContext db, Actor actor, string text)
    {
        var documents = db.Set<TicketSearchDocument>();
        var words = actor.IsStaff
            ? documents.Where(d => d.StaffText.Matches(EF.Functions.WebSearchToTsQuery("english", text))).Select(d => d.TicketId)
            : documents.Where(d => d.PublicText.Matches(EF.Functions.WebSearchToTsQuery("english", text))).Select(d => d.TicketId);

        // Part of a word in the title (the trigram index answers this).
        var pattern = "%" + LikePattern.Escape(text) + "%";
        return words.Union(db.Tickets.Where(t => EF.Functions.ILike(t.Title, pattern, LikePattern.EscapeCharacter)).Select(t => t.Id));
    }

    private static IQueryable<long> SqliteMatches(SupportDbContext db, Actor actor, string text, IQueryable<long> ids)
    {
        var pattern = "%" + LikePattern.Escape(text) + "%";
        ids = ids.Union(db.Tickets.Where(t => EF.Functions.Like(t.Title, pattern, LikePattern.EscapeCharacter)).Select(t => t.Id));
        var match = Fts5Query.From(text, actor.IsStaff);
        return match is null ? ids
            : ids.Union(db.Database.SqlQuery<long>($"SELECT rowid AS \"Value\" FROM ticket_search WHERE ticket_search MATCH {match}"));
    }
}
