using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Audit;

/// <summary>
/// Writes the ticket audit trail inside the same SaveChanges (so the same transaction) as the change
/// itself: no caller has to remember it, and a failed save leaves neither change nor entry.
/// Ticket entries are keyed by ticket number, which exists before the row is inserted; so are the
/// entries of a ticket's parts (tag links, comment edits), so a ticket's history is one read.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : BeforeSaveInterceptor
{
    private static readonly string[] TrackedFields =
    [
        nameof(Ticket.Title), nameof(Ticket.Description), nameof(Ticket.Status), nameof(Ticket.Priority),
        nameof(Ticket.AssigneeId), nameof(Ticket.Category), nameof(Ticket.CustomFields), nameof(Ticket.DeletedAt),
    ];

    // Under a synchronous save every read below completes synchronously, so waiting here never blocks on I/O.
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

        var now = clock.GetUtcNow().UtcDateTime;
        var source = db.AuditSource;
        var tagChanges = await TicketTagAudit.CollectAsync(db, sync, cancellationToken);
        var entries = new List<AuditEntry>();
        foreach (var entry in db.ChangeTracker.Entries<Ticket>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList())
        {
            // A ticket changed together with its tags gets one entry holding both.
            var tags = tagChanges.Find(t => ReferenceEquals(t.Tracked, entry.Entity));
            if (tags is not null)
            {
                tagChanges.Remove(tags);
            }

            if (Describe(entry, tags?.Change, source, now) is { } audit)
            {
                entries.Add(audit);
            }
        }

        entries.AddRange(tagChanges.Select(t => new AuditEntry
        {
            EntityName = nameof(Ticket),
            RecordId = t.Number,
            TicketNumber = t.Number,
            Action = AuditAction.Update,
            UserId = source?.UserId,
            IpAddress = source?.IpAddress,
            UserAgent = source?.UserAgent,
            Changes = AuditChanges.ToJson([t.Change]),
            CreatedAt = now,
        }));
        entries.AddRange(await CommentAudit.CollectAsync(db, source, now, sync, cancellationToken));
        db.AuditEntries.AddRange(entries);
    }

    private static AuditEntry? Describe(EntityEntry<Ticket> entry, FieldChange? tags, AuditSource? source, DateTime now)
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

        if (tags is not null)
        {
            changes.Add(tags);
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
