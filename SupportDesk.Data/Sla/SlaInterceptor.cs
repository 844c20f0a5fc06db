using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Sla;

/// <summary>
/// Keeps the SLA columns of every ticket a save creates or changes in step with its inputs (priority, status,
/// category, first response, resolution), inside the same save, so no ticket service has to remember it and the
/// ticket's version changes once. Set-based changes bypass it and call <see cref="TicketSlaRefresh"/> instead.
/// Runs after the timestamps are stamped (a new ticket's creation time is its SLA start).
/// </summary>
public sealed class SlaInterceptor(TimeProvider clock) : BeforeSaveInterceptor
{
    private static readonly string[] Inputs =
    [
        nameof(Ticket.Priority), nameof(Ticket.Status), nameof(Ticket.Category), nameof(Ticket.FirstResponseAt), nameof(Ticket.ResolvedAt),
    ];

    protected override void BeforeSave(DbContext? context) =>
        WriteAsync(context, sync: true, CancellationToken.None).GetAwaiter().GetResult();

    protected override async ValueTask BeforeSaveAsync(DbContext? context, CancellationToken cancellationToken) =>
        await WriteAsync(context, sync: false, cancellationToken);

    private async Task WriteAsync(DbContext? context, bool sync, CancellationToken cancellationToken)
    {
        if (context is not SupportDbContext db)
        {
            return;
        }

        var changed = db.ChangeTracker.Entries<Ticket>().Where(NeedsSla).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var plans = await SlaPlans.ReadAsync(db, sync, cancellationToken);
        var stored = changed.Where(e => e.State == EntityState.Modified).Select(e => e.Entity.Number).ToList();
        var history = await TicketSla.HistoryAsync(db, stored, sync, cancellationToken);
        foreach (var entry in changed)
        {
            var ticket = entry.Entity;
            TicketSla.Apply(ticket, TicketSla.Columns(plans.For(ticket.Category), TicketSla.FactsOf(ticket), history[ticket.Number], now));
        }
    }

    /// <summary>
    /// New tickets, and changed ones whose inputs changed. Only modified properties are read: bulk actions attach
    /// partial tickets holding just the columns they change.
    /// </summary>
    private static bool NeedsSla(EntityEntry<Ticket> entry) =>
        entry.State == EntityState.Added
        || (entry.State == EntityState.Modified
            && Inputs.Any(field => entry.Property(field) is { IsModified: true } p && !Equals(p.OriginalValue, p.CurrentValue)));
}
