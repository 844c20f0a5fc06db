using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Audit;

/// <summary>
/// Writes the ticket audit trail inside the same SaveChanges (so the same transaction) as the change
/// itself: no caller has to remember it, and a failed save leaves neither change nor entry.
/// Ticket entries are keyed by ticket number, which exists before the row is inserted.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : BeforeSaveInterceptor
{
    private static readonly string[] TrackedFields =
    [
        nameof(Ticket.Title), nameof(Ticket.Description), nameof(Ticket.Status), nameof(Ticket.Priority),
        nameof(Ticket.AssigneeId), nameof(Ticket.Category), nameof(Ticket.DeletedAt),
    ];

    protected override void BeforeSave(DbContext? context)
    {
        if (context is not SupportDbContext db)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var entries = db.ChangeTracker.Entries<Ticket>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => Describe(e, db.AuditSource, now))
            .OfType<AuditEntry>()
            .ToList();
        db.AuditEntries.AddRange(entries);
    }

    private static AuditEntry? Describe(EntityEntry<Ticket> entry, AuditSource? source, DateTime now)
    {
        var changes = new List<FieldChange>();
        var action = entry.State switch
        {
            EntityState.Added => AuditAction.Create,
            EntityState.Deleted => AuditAction.PermanentDelete,
            _ => AuditAction.Update,
        };

        foreach (var field in TrackedFields)
        {
            var property = entry.Property(field);
            var from = entry.State == EntityState.Added ? null : property.OriginalValue;
            var to = entry.State == EntityState.Deleted ? null : property.CurrentValue;
            if (Equals(from, to) || (entry.State == EntityState.Added && to is null))
            {
                continue;
            }

            changes.Add(new FieldChange(JsonNamingPolicy.CamelCase.ConvertName(field), from, to));
            if (field == nameof(Ticket.DeletedAt) && entry.State == EntityState.Modified)
            {
                action = to is null ? AuditAction.Restore : AuditAction.SoftDelete;
            }
        }

        if (action == AuditAction.Update && changes.Count == 0)
        {
            return null;
        }

        // Without an explicit source (imports, demo history) a ticket's creation is its creator's act, at its own time.
        var created = entry.State == EntityState.Added;
        return new AuditEntry
        {
            EntityName = nameof(Ticket),
            RecordId = entry.Entity.Number,
            TicketNumber = entry.Entity.Number,
            Action = action,
            UserId = source?.UserId ?? (created ? entry.Entity.CreatorId : null),
            IpAddress = source?.IpAddress,
            UserAgent = source?.UserAgent,
            Changes = AuditChanges.ToJson(changes),
            CreatedAt = created && entry.Entity.CreatedAt != default ? entry.Entity.CreatedAt : now,
        };
    }
}
