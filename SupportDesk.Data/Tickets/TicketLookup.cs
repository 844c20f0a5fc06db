using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;

namespace SupportDesk.Data.Tickets;

internal static class TicketLookup
{
    /// <summary>The tracked ticket with this number if the actor may see it; null otherwise (callers answer "not found" either way).</summary>
    public static Task<Ticket?> VisibleAsync(SupportDbContext db, Actor actor, string number, CancellationToken cancellationToken) =>
        db.Tickets.VisibleTo(actor).FirstOrDefaultAsync(t => t.Number == number, cancellationToken);
}
