using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace SupportDesk.Data.Tickets;

internal static class TicketBulkUpdates
{
    /// <summary>
    /// ExecuteUpdate bypasses the interceptors, so this stamps what a tracked save would: the updated time, and SQLite's
    /// version counter (PostgreSQL's version is xmin, which every UPDATE changes by itself).
    /// </summary>
    public static Task<int> ExecuteStampedUpdateAsync(
        this IQueryable<Ticket> tickets, SupportDbContext db, DateTime now, Action<UpdateSettersBuilder<Ticket>> set, CancellationToken cancellationToken)
    {
        var bumpVersion = db.Model.FindEntityType(typeof(Ticket))!.FindProperty(nameof(Ticket.Version))!.ValueGenerated == ValueGenerated.Never;
        return tickets.ExecuteUpdateAsync(
            s =>
            {
                set(s);
                s.SetProperty(t => t.UpdatedAt, now);
                if (bumpVersion)
                {
                    s.SetProperty(t => t.Version, t => t.Version + 1u);
                }
            },
            cancellationToken);
    }
}
