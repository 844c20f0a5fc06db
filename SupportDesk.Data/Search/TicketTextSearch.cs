using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Search;

/// <summary>
/// The search box: a ticket number or (for staff) a customer's email finds exactly that; otherwise words, over
/// title, description and replies (plus internal notes for staff); when no whole word matches, part of a
/// word in the title; and when nothing does, on PostgreSQL, the closest titles, numbers and emails (<see cref="TicketTypoSearch"/>). Each engine uses its own index. Settling which of these the text is first, with cheap
/// lookups, keeps every query a single condition: a union of all four made PostgreSQL gather every match of a
/// common word before it could show the newest fifty.
/// </summary>
public static class TicketTextSearch
{
    /// <summary>
    /// Decides how <paramref name="text"/> is matched; at most four indexed existence checks, fewer when the text cannot be a number or an email. A caller that reads the
    /// matches straight away may skip the word and partial checks (<paramref name="checkWords"/> false), take
    /// <see cref="TextMatch.Words"/> and loosen it itself when it finds nothing: the same answer for fewer reads.
    /// </summary>
    internal static async Task<TextMatch> MatchForAsync(SupportDbContext db, Actor actor, string text, CancellationToken cancellationToken, bool checkWords = true)
    {
        var upper = text.Trim().ToUpperInvariant();
        // Only text shaped like a number or an email is looked up as one: the search box asks on every keystroke pause.
        if (TicketNumber.CouldBe(upper) && await db.Tickets.AnyAsync(t => t.Number == upper, cancellationToken))
        {
            return TextMatch.Number;
        }

        if (actor.IsStaff && upper.Contains('@', StringComparison.Ordinal) && await db.Users.AnyAsync(u => u.NormalizedEmail == upper, cancellationToken))
        {
            return TextMatch.Email;
        }

        if (!checkWords || await WordMatches(db, actor, text, sampled: false).AnyAsync(cancellationToken))
        {
            return TextMatch.Words;
        }

        // Among the actor's own tickets: whether a customer gets part-of-a-title or typo matches must not tell them
        // what other customers' titles contain.
        return await db.Tickets.VisibleTo(actor).Matching(db, actor, text, TextMatch.Partial).AnyAsync(cancellationToken)
            ? TextMatch.Partial
            : TextMatch.Typo;
    }

    /// <summary>
    /// Narrows <paramref name="tickets"/> (already limited to what the actor may see) to those matching <paramref name="text"/>;
    /// <see cref="TextMatch.Typo"/> needs the ids <see cref="TicketTypoSearch.ClosestAsync"/> read.
    /// </summary>
    internal static IQueryable<Ticket> Matching(
        this IQueryable<Ticket> tickets, SupportDbContext db, Actor actor, string text, TextMatch how, IReadOnlyList<long>? typoIds = null)
    {
        var upper = text.Trim().ToUpperInvariant();
        switch (how)
        {
            case TextMatch.Number:
                return tickets.Where(t => t.Number == upper);
            case TextMatch.Email when actor.IsStaff:
                return tickets.Where(t => t.Creator!.NormalizedEmail == upper);
            case TextMatch.Partial:
                var pattern = "%" + LikePattern.Escape(text.Trim()) + "%";
                return db.Database.IsNpgsql()
                    ? tickets.Where(t => EF.Functions.ILike(t.Title, pattern, LikePattern.EscapeCharacter))
                    : tickets.Where(t => EF.Functions.Like(t.Title, pattern, LikePattern.EscapeCharacter));
            case TextMatch.Typo:
                var ids = typoIds ?? throw new InvalidOperationException("Read the typo matches (TicketTypoSearch.ClosestAsync) before applying them.");
                return tickets.Where(t => ids.Contains(t.Id));
            default:
                var matches = WordMatches(db, actor, text, sampled: how == TextMatch.WordsInSample);
                return tickets.Where(t => matches.Contains(t.Id));
        }
    }

    /// <summary>The next looser way to match text that found nothing (whole words, then part of a title, then a typo), or null after the last.</summary>
    internal static TextMatch? Looser(TextMatch how) => how switch
    {
        TextMatch.Words => TextMatch.Partial,
        TextMatch.Partial => TextMatch.Typo,
        _ => null,
    };

    private static IQueryable<long> WordMatches(SupportDbContext db, Actor actor, string text, bool sampled)
    {
        if (db.Database.IsNpgsql())
        {
            // The sample's condition written as its index's is, so PostgreSQL sees the index applies.
            var documents = sampled
                ? db.Set<TicketSearchDocument>().Where(d => d.TicketId % PostgresSearchModel.SampleBuckets == 0)
                : db.Set<TicketSearchDocument>();
            return actor.IsStaff
                ? documents.Where(d => d.StaffText.Matches(EF.Functions.WebSearchToTsQuery("english", text))).Select(d => d.TicketId)
                : documents.Where(d => d.PublicText.Matches(EF.Functions.WebSearchToTsQuery("english", text))).Select(d => d.TicketId);
        }

        var match = Fts5Query.From(text, actor.IsStaff);
        var fts = match is null
            ? db.Tickets.Where(t => false).Select(t => t.Id)
            : db.Database.SqlQuery<long>($"SELECT rowid AS \"Value\" FROM ticket_search WHERE ticket_search MATCH {match}");
        return sampled ? fts.Where(id => id % PostgresSearchModel.SampleBuckets == 0) : fts;
    }
}
