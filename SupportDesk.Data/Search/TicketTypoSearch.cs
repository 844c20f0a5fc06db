using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Search;

/// <summary>
/// The search box's last resort on PostgreSQL: the tickets whose title has a word close to the text ("pritner" finds
/// "Printer jams on tray 2"), whose number is close to it, or (staff only) whose customer's email is close to it. Only
/// the short fields, through their trigram indexes (the operators use the index, the similarity functions would not);
/// long bodies have no trigram index. SQLite has no typo tolerance: FTS5 matches words and their prefixes only.
/// </summary>
internal static class TicketTypoSearch
{
    /// <summary>
    /// For a word in a title (<c>&lt;&lt;%</c>, strict word similarity): two swapped letters in a seven-letter word leave 4
    /// of its 12 trigrams shared (0.33); the default 0.5 misses every such swap, and at 0.25 "pritner" already finds
    /// "product prices".
    /// </summary>
    public const double TitleThreshold = 0.3;

    /// <summary>
    /// For a whole email (<c>%</c>, similarity): "helo@exmaple.com" against "hello@example.com", two typos, is 0.52, while
    /// another address at the same domain ("emma.larsen@example.com") stays near 0.25.
    /// </summary>
    public const double EmailThreshold = 0.5;

    /// <summary>
    /// For a whole ticket number: every number of a day shares its "TKT-date" trigrams, so any two from the same day are
    /// 0.55–0.65 similar; one mistyped character of the right number leaves about 0.8. The index finds candidates at
    /// <see cref="EmailThreshold"/> (one setting serves <c>%</c>), and this keeps only the close ones.
    /// </summary>
    public const double NumberThreshold = 0.7;

    /// <summary>
    /// The ids of <paramref name="tickets"/> (already limited to what the actor may see) that the text matches with a
    /// typo, closest first, at most <paramref name="limit"/>. Empty on SQLite.
    /// </summary>
    public static async Task<IReadOnlyList<long>> ClosestAsync(
        SupportDbContext db, Actor actor, IQueryable<Ticket> tickets, string text, int limit, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return [];
        }

        var words = text.Trim();
        var upper = words.ToUpperInvariant();

        // The operators compare with these settings, not with constants in the query; set_config(..., true) keeps them to
        // this transaction, so a pooled connection goes back to other users with the server's defaults.
        var title = TitleThreshold.ToString(CultureInfo.InvariantCulture);
        var whole = EmailThreshold.ToString(CultureInfo.InvariantCulture);
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.Database.ExecuteSqlAsync(
            $"SELECT set_config('pg_trgm.strict_word_similarity_threshold', {title}, true), set_config('pg_trgm.similarity_threshold', {whole}, true)",
            cancellationToken);

        var byTicket = await tickets
            .Where(t => EF.Functions.TrigramsAreStrictWordSimilar(words, t.Title)
                || (EF.Functions.TrigramsAreSimilar(t.Number, upper) && EF.Functions.TrigramsSimilarity(t.Number, upper) >= NumberThreshold))
            .Select(t => new { t.Id, Score = Math.Max(EF.Functions.TrigramsStrictWordSimilarity(words, t.Title), EF.Functions.TrigramsSimilarity(t.Number, upper)) })
            .OrderByDescending(s => s.Score).ThenByDescending(s => s.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        var scored = byTicket.Select(s => (s.Id, s.Score)).ToList();
        if (actor.IsStaff)
        {
            // The customers first, then their tickets by the creator index: joined in one query, PostgreSQL guessed few
            // customers' tickets and read the whole tickets table to find them.
            var customers = await db.Users
                .Where(u => EF.Functions.TrigramsAreSimilar(u.NormalizedEmail!, upper))
                .Select(u => new { u.Id, Score = EF.Functions.TrigramsSimilarity(u.NormalizedEmail!, upper) })
                .OrderByDescending(u => u.Score).ThenBy(u => u.Id)
                .Take(limit)
                .ToListAsync(cancellationToken);
            string[] closest = [.. customers.Select(c => c.Id)];
            var scores = customers.ToDictionary(c => c.Id, c => c.Score);
            var theirs = closest.Length == 0 ? [] : await tickets
                .Where(t => closest.Contains(t.CreatorId))
                .OrderBy(t => Array.IndexOf(closest, t.CreatorId)).ThenByDescending(t => t.Id)
                .Select(t => new { t.Id, t.CreatorId })
                .Take(limit)
                .ToListAsync(cancellationToken);
            scored.AddRange(theirs.Select(t => (t.Id, scores[t.CreatorId])));
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return [.. scored
            .GroupBy(s => s.Id)
            .Select(g => (Id: g.Key, Score: g.Max(s => s.Score)))
            .OrderByDescending(s => s.Score).ThenByDescending(s => s.Id)
            .Take(limit)
            .Select(s => s.Id)];
    }
}
