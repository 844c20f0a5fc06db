using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;

namespace SupportDesk.Data.Search;

/// <summary>
/// How well each of a bounded set of tickets matches the search box: PostgreSQL's <c>ts_rank</c> over the weighted
/// document (title counts most), SQLite's <c>bm25</c> with the title weighted likewise. Higher is better; a ticket
/// found only by its number, its customer's email or part of its title scores 0; typo matches score by how close they are.
/// </summary>
internal static class TicketRanking
{
    public static async Task<Dictionary<long, double>> ScoresAsync(
        SupportDbContext db, Actor actor, string text, IReadOnlyCollection<long> ticketIds, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            var documents = db.Set<TicketSearchDocument>().Where(d => ticketIds.Contains(d.TicketId));
            var scored = actor.IsStaff
                ? documents.Select(d => new { d.TicketId, Score = d.StaffText.Rank(EF.Functions.WebSearchToTsQuery("english", text)) })
                : documents.Select(d => new { d.TicketId, Score = d.PublicText.Rank(EF.Functions.WebSearchToTsQuery("english", text)) });
            return await scored.ToDictionaryAsync(s => s.TicketId, s => (double)s.Score, cancellationToken);
        }

        var match = Fts5Query.From(text, actor.IsStaff);
        if (match is null)
        {
            return [];
        }

        // bm25 is negative, more negative for a better match; the column weights follow FTS5's column order.
        // The aliases are the snake_case names the naming convention gives SqliteScore's properties.
        var rows = await db.Database
            .SqlQuery<SqliteScore>($"SELECT rowid AS ticket_id, -bm25(ticket_search, 10.0, 4.0, 1.0, 1.0) AS score FROM ticket_search WHERE ticket_search MATCH {match}")
            .Where(s => ticketIds.Contains(s.TicketId))
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(s => s.TicketId, s => s.Score);
    }

    /// <summary>Scores for typo matches, already read closest first (<see cref="TicketTypoSearch"/>): the closer, the higher.</summary>
    public static Dictionary<long, double> Closeness(IReadOnlyList<long> closestFirst) =>
        closestFirst.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => (double)(closestFirst.Count - p.index));

    private sealed record SqliteScore(long TicketId, double Score);
}
