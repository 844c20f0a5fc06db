using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.AutoClose;

/// <summary>Builders for tickets that have been in a status for a while.</summary>
internal static class ResolvedTickets
{
    public static async Task<string> ResolvedAsync(this TestDatabase database, AppUser customer, string title, DateTime resolvedAt, bool deleted = false)
    {
        var ticket = await database.TicketAsync(customer, title, status: TicketStatus.Resolved, deletedAt: deleted ? resolvedAt : null);
        await database.SetStatusAsync(ticket, TicketStatus.Resolved, resolvedAt, updatedAt: resolvedAt);
        return ticket.Number;
    }

    public static async Task SetStatusAsync(this TestDatabase database, Ticket ticket, TicketStatus status, DateTime? resolvedAt, DateTime updatedAt)
    {
        await using var db = await database.ContextAsync();
        await db.Tickets.Where(t => t.Id == ticket.Id).ExecuteUpdateAsync(
            s => s.SetProperty(t => t.Status, status).SetProperty(t => t.ResolvedAt, resolvedAt).SetProperty(t => t.UpdatedAt, updatedAt),
            TestContext.Current.CancellationToken);
    }

    public static async Task<Dictionary<string, Ticket>> TicketsByNumberAsync(this TestDatabase database)
    {
        await using var db = await database.ContextAsync();
        return await db.Tickets.AsNoTracking().ToDictionaryAsync(t => t.Number, TestContext.Current.CancellationToken);
    }
}
