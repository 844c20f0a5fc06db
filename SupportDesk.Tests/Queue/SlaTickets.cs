using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Tickets;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Queue;

/// <summary>
/// Sets a ticket's stored SLA times directly, as the SLA policy service would have left them: the resolution due time
/// stays after the ticket is finished or paused, the pending due time does not.
/// </summary>
internal static class SlaTickets
{
    public static async Task SetSlaAsync(this TestDatabase database, Ticket ticket, DateTime? dueAt, DateTime? atRiskAt, DateTime? alertedAt = null, DateTime? resolutionDueAt = null)
    {
        await using var db = await database.ContextAsync();
        await db.Tickets.Where(t => t.Id == ticket.Id).ExecuteUpdateAsync(
            s => s.SetProperty(t => t.SlaDueAt, dueAt).SetProperty(t => t.SlaAtRiskAt, atRiskAt).SetProperty(t => t.SlaAlertedAt, alertedAt)
                .SetProperty(t => t.ResolutionDueAt, resolutionDueAt ?? dueAt),
            TestContext.Current.CancellationToken);
    }
}
