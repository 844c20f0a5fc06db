using Microsoft.EntityFrameworkCore;

namespace SupportDesk.Data.Infrastructure;

/// <summary>
/// Runs a query the way the surrounding save runs: synchronously under <c>SaveChanges</c>, asynchronously under
/// <c>SaveChangesAsync</c>, so one piece of interceptor code serves both without blocking on async I/O.
/// </summary>
internal static class SyncOrAsync
{
    public static async Task<List<T>> ToListAsync<T>(IQueryable<T> query, bool sync, CancellationToken cancellationToken) =>
        sync ? query.ToList() : await query.ToListAsync(cancellationToken);

    /// <summary>Ticket numbers by id, for audit entries of rows whose ticket is not tracked.</summary>
    public static async Task<Dictionary<long, string>> TicketNumbersAsync(
        SupportDbContext db, IReadOnlyCollection<long> ids, bool sync, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await ToListAsync(db.Tickets.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.Number }), sync, cancellationToken);
        return rows.ToDictionary(r => r.Id, r => r.Number);
    }
}
