using Microsoft.EntityFrameworkCore;

namespace SupportDesk.Data.Infrastructure;

/// <summary>Keeps a background job's run to one node at a time.</summary>
internal static class AdvisoryLock
{
    /// <summary>
    /// On PostgreSQL, a transaction-scoped advisory lock on <paramref name="key"/> (visible in <c>pg_locks</c>); it goes
    /// with the open transaction, so a crashed run never leaves it held. SQLite has one writer at a time anyway.
    /// False when another node holds it.
    /// </summary>
    public static async Task<bool> TryTakeAsync(SupportDbContext db, long key, CancellationToken cancellationToken) =>
        !db.Database.IsNpgsql()
        || await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({key}) AS \"Value\"").SingleAsync(cancellationToken);
}
