using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Search;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;

namespace SupportDesk.Data.Queue;

/// <summary>
/// The agents' queue (and the customers' own list): every filter combined in SQL, keyset pages, and
/// counts that stop at <see cref="CountCap"/> so no page load ever counts a million rows.
/// </summary>
public sealed class QueueQueries(IDbContextFactory<SupportDbContext> contexts, TimeProvider clock)
{
    public const int CountCap = 10_000;

    /// <summary>
    /// Where a search's count stops. Each counted match costs a visit to its search document, so a common word would
    /// spend most of the page's time counting; "1,000+ tickets" tells the reader as much as "10,000+" would.
    /// </summary>
    public const int SearchCountCap = 1_000;

    /// <summary>How many of the newest matches "best match" ranks.</summary>
    public const int RankWindow = 1_000;

    /// <summary>
    /// How many of the newest tickets per row of a page a search's first page looks through while its count runs: a
    /// word in one ticket in 40 fills the page there, and looking costs about 2.5 µs a ticket.
    /// </summary>
    private const int NewestWindowPerRow = 40;

    /// <summary>How long a search's count runs alone before its first page is looked for beside it; a rare word's count takes a millisecond or two.</summary>
    private static readonly TimeSpan LookAfter = TimeSpan.FromMilliseconds(3);

    public async Task<QueuePage> ListAsync(Actor actor, QueueFilter filter, QueueSort sort, QueuePaging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(sort);
        ArgumentNullException.ThrowIfNull(paging);
        var size = paging.PageSize is >= 1 and <= QueuePaging.MaxPageSize ? paging.PageSize : QueuePaging.Sizes[0];
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        filter = await QueueFilters.ResolveAsync(db, actor, filter, now, cancellationToken, checkWords: false);
        var tickets = QueueFilters.Apply(db, actor, filter, now);
        var before = QueueCursor.Decode(paging.Before);
        var after = before is null ? QueueCursor.Decode(paging.After) : null;
        int total;
        bool capped;
        List<QueueRow>? newest = null;
        if (string.IsNullOrWhiteSpace(filter.Text))
        {
            (total, capped) = await CountAsync(tickets, cancellationToken);
        }
        else
        {
            // A common word's first page is found among the newest tickets long before its count is done, so on PostgreSQL
            // (where a second connection is a second core) a count still running after a moment gets company. A rare
            // word's count is done by then; a word the count finds to be rare after all has its look stopped. Only plain
            // words are looked for so: a phrase (an order number is one) costs each ticket looked at a positional match.
            using var stopLooking = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var counting = CountMatchesAsync(db, actor, filter, now, cancellationToken);
            Task<List<QueueRow>?>? looking = null;
            if (filter.TextMatch == TextMatch.Words && filter.Text.All(c => char.IsLetterOrDigit(c) || char.IsWhiteSpace(c)) && after is null && before is null && sort == new QueueSort() && db.Database.IsNpgsql()
                && await Task.WhenAny(counting, Task.Delay(LookAfter, cancellationToken)) != counting)
            {
                looking = NewestMatchesAsync(actor, filter, size, now, stopLooking.Token);
            }

            List<long> ids;
            try
            {
                (filter, ids) = await counting;
                (total, capped) = ids.Count > SearchCountCap ? (SearchCountCap, true) : (ids.Count, false);
                if (capped && looking is not null)
                {
                    newest = await looking;
                }
            }
            finally
            {
                if (looking is not null && newest is null)
                {
                    await StopAsync(looking, stopLooking);
                }
            }

            tickets = capped ? QueueFilters.Apply(db, actor, filter, now) : db.Tickets.AsNoTracking().Where(t => ids.Contains(t.Id));
        }

        if (sort.Key == QueueSortKey.Relevance)
        {
            if (!string.IsNullOrWhiteSpace(filter.Text))
            {
                var ranked = await RankedAsync(db, actor, tickets, filter, size, after, before, now, cancellationToken);
                return new QueuePage(ranked.Rows, total, capped, ranked.Next, ranked.Previous);
            }

            sort = new QueueSort();
        }

        var backwards = before is not null;
        var page = QueueOrder.Apply(tickets, sort, after ?? before, descending: sort.Descending != backwards);
        var rows = newest ?? await Project(page.Take(size + 1)).ToListAsync(cancellationToken);

        var more = rows.Count > size;
        rows = rows.Take(size).Select(r => r with { Sla = QueueSla.StateAt(r.SlaDueAt, r.SlaAtRiskAt, now) }).ToList();
        if (backwards)
        {
            rows.Reverse();
        }

        var first = rows.Count > 0 ? Cursor(sort.Key, rows[0]) : null;
        var last = rows.Count > 0 ? Cursor(sort.Key, rows[^1]) : null;
        var next = backwards ? last : more ? last : null;
        var previous = backwards ? (more ? first : null) : after is null ? null : first;
        return new QueuePage(rows, total, capped, next, previous);
    }

    /// <summary>
    /// Stops a look whose page is not needed and waits for it, so its connection is back in the pool before the page
    /// is answered. How it ended does not matter: stopped, done, or failed, nothing of it is used.
    /// </summary>
    private static async Task StopAsync(Task<List<QueueRow>?> looking, CancellationTokenSource stop)
    {
        await stop.CancelAsync();
        try
        {
            await looking;
        }
        catch (Exception ex) when (ex is OperationCanceledException or DbException or InvalidOperationException)
        {
            // Unused: the count or the page the caller reads reports any trouble the database has.
        }
    }

    /// <summary>
    /// The search's matches, at most the search count's cap and one of them, with the filter loosened (whole words, part
    /// of a title, a typo) until something matches. For words PostgreSQL has no statistics on (an order number, a name)
    /// it guesses thousands of matches, and then walks the newest tickets looking for one that is not there; reading the
    /// ids instead gives the exact count, and a page of those is read by id. Beyond the cap the word is common, and
    /// walking the newest tickets finds a page of it at once. On PostgreSQL staff words are counted in a sample first
    /// (<see cref="TextMatch.WordsInSample"/>): a word past the cap there is past it overall, for an eighth of the work.
    /// </summary>
    private static async Task<(QueueFilter Filter, List<long> Ids)> CountMatchesAsync(
        SupportDbContext db, Actor actor, QueueFilter filter, DateTime now, CancellationToken cancellationToken)
    {
        Task<List<long>> IdsAsync(QueueFilter matching) =>
            QueueFilters.Apply(db, actor, matching, now).Select(t => t.Id).Take(SearchCountCap + 1).ToListAsync(cancellationToken);

        if (filter.TextMatch == TextMatch.Words && actor.IsStaff && db.Database.IsNpgsql()
            && await IdsAsync(filter with { TextMatch = TextMatch.WordsInSample }) is { Count: > SearchCountCap } sample)
        {
            return (filter, sample);
        }

        var ids = await IdsAsync(filter);
        while (ids.Count == 0 && await QueueFilters.LoosenAsync(db, actor, filter, now, cancellationToken) is { } looser)
        {
            filter = looser;
            ids = await IdsAsync(filter);
        }

        return (filter, ids);
    }

    /// <summary>
    /// The first newest-first page of the filter's matches if the newest <see cref="NewestWindowPerRow"/> tickets per row
    /// hold a whole page and one, else null. The window keeps a rare word from walking every ticket, and what it finds
    /// is the right page: every match outside it is older than all inside.
    /// </summary>
    internal async Task<List<QueueRow>?> NewestMatchesAsync(Actor actor, QueueFilter filter, int size, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The window and the page in the queue's own newest-first order: the page is right only if the two agree.
        var newestFirst = new QueueSort();
        var window = QueueOrder.Apply(db.Tickets.AsNoTracking().VisibleTo(actor, filter.IncludeDeleted), newestFirst, null, descending: true)
            .Take(NewestWindowPerRow * (size + 1));
        var matches = QueueOrder.Apply(QueueFilters.Apply(db, actor, filter, now, window), newestFirst, null, descending: true);
        var rows = await Project(matches.Take(size + 1)).ToListAsync(cancellationToken);
        return rows.Count > size ? rows : null;
    }

    /// <summary>
    /// Ranks the newest <see cref="RankWindow"/> matches and pages through them in rank order. Ranking every match
    /// of a common word in a million tickets would read them all; people read the first few pages of best
    /// matches, and newest-first paging still reaches everything.
    /// </summary>
    private static async Task<(List<QueueRow> Rows, string? Next, string? Previous)> RankedAsync(
        SupportDbContext db, Actor actor, IQueryable<Ticket> tickets, QueueFilter filter, int size, QueueCursor? after, QueueCursor? before, DateTime now,
        CancellationToken cancellationToken)
    {
        var text = filter.Text!;
        var candidates = await tickets.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Take(RankWindow)
            .Select(t => new { t.Id, t.Number }).ToListAsync(cancellationToken);
        var scores = filter.TypoIds is { } closestFirst
            ? TicketRanking.Closeness(closestFirst)
            : await TicketRanking.ScoresAsync(db, actor, text, [.. candidates.Select(c => c.Id)], cancellationToken);
        var number = text.Trim().ToUpperInvariant();
        var ordered = candidates
            .OrderByDescending(c => c.Number == number ? double.MaxValue : scores.GetValueOrDefault(c.Id))
            .ThenByDescending(c => c.Id)
            .Select(c => c.Id)
            .ToList();

        // A cursor names the row at the page's edge; one that is not in the ranking (edited, or the data moved) starts over.
        var start = (after, before) switch
        {
            ({ } a, _) when ordered.IndexOf(a.Id) is var i and >= 0 => i + 1,
            (_, { } b) when ordered.IndexOf(b.Id) is var i and >= 0 => Math.Max(0, i - size),
            _ => 0,
        };
        var ids = ordered.Skip(start).Take(size).ToList();
        var rows = await Project(db.Tickets.AsNoTracking().Where(t => ids.Contains(t.Id))).ToListAsync(cancellationToken);
        var position = ids.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
        rows = [.. rows.OrderBy(r => position[r.Id]).Select(r => r with { Sla = QueueSla.StateAt(r.SlaDueAt, r.SlaAtRiskAt, now) })];
        var next = start + size < ordered.Count && rows.Count > 0 ? RankCursor(rows[^1]) : null;
        var previous = start > 0 && rows.Count > 0 ? RankCursor(rows[0]) : null;
        return (rows, next, previous);
    }

    private static string RankCursor(QueueRow row) => new QueueCursor("rank", row.Id).Encode();

    /// <summary>
    /// Live counts for the built-in views, each capped like the queue's own count. The navigation asks on every
    /// page, so all of them are one statement: per view a scalar <c>count(*)</c> over a subquery limited to
    /// <see cref="CountCap"/> + 1 rows, so no count reads more than that however many tickets match.
    /// </summary>
    public async Task<IReadOnlyDictionary<BuiltInView, (int Count, bool Capped)>> ViewCountsAsync(Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = clock.GetUtcNow().UtcDateTime;
        var views = Enum.GetValues<BuiltInView>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = views.Select(view => CappedIds(QueueFilters.Apply(db, actor, BuiltInViews.Definition(view, now).Filter, now)));
        var row = Expression.Parameter(typeof(AppUser), "user");
        var select = Expression.Lambda<Func<AppUser, int[]>>(Expression.NewArrayInit(typeof(int), counts.Select(CountCall)), row);

        // SQL needs a FROM for the subqueries: the acting user's own row is the one row sure to be there.
        var values = await db.Users.Where(u => u.Id == actor.UserId).Select(select).FirstOrDefaultAsync(cancellationToken) ?? new int[views.Length];
        return views.Zip(values).ToDictionary(p => p.First, p => Capped(p.Second));
    }

    private static IQueryable<long> CappedIds(IQueryable<Ticket> tickets) => tickets.Select(t => t.Id).Take(CountCap + 1);

    private static MethodCallExpression CountCall(IQueryable<long> ids) =>
        Expression.Call(typeof(Queryable), nameof(Queryable.Count), [typeof(long)], ids.Expression);

    private static (int Count, bool Capped) Capped(int count) => count > CountCap ? (CountCap, true) : (count, false);

    private static async Task<(int Count, bool Capped)> CountAsync(IQueryable<Ticket> tickets, CancellationToken cancellationToken) =>
        Capped(await CappedIds(tickets).CountAsync(cancellationToken));

    private static IQueryable<QueueRow> Project(IQueryable<Ticket> tickets) =>
        tickets.Select(t => new QueueRow(
            t.Id,
            t.Number,
            t.Title,
            t.Status,
            t.Priority,
            t.Category,
            t.Creator!.FullName,
            t.Assignee == null ? null : t.Assignee.FullName,
            t.CreatedAt,
            t.UpdatedAt,
            t.SlaDueAt,
            t.SlaAtRiskAt,
            SlaDueState.OnTrack,
            t.DeletedAt != null));

    internal static string Cursor(QueueSortKey key, QueueRow row) => new QueueCursor(key switch
    {
        QueueSortKey.Created => row.CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture),
        QueueSortKey.Updated => row.UpdatedAt.Ticks.ToString(CultureInfo.InvariantCulture),
        QueueSortKey.Number => row.Number,
        QueueSortKey.Title => row.Title,
        QueueSortKey.Status => ((int)row.Status).ToString(CultureInfo.InvariantCulture),
        QueueSortKey.Priority => ((int)row.Priority).ToString(CultureInfo.InvariantCulture),
        QueueSortKey.Assignee => row.AssigneeName ?? "",
        QueueSortKey.Due => row.SlaDueAt?.Ticks.ToString(CultureInfo.InvariantCulture) ?? "",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown sort key."),
    }, row.Id).Encode();
}
