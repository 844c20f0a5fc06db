using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Infrastructure;

namespace SupportDesk.Data.Audit;

/// <summary>
/// Edited comments keep their earlier text in the trail: one entry per edited comment with the content before and
/// after, and whether it is an internal note (so readers of the trail can keep notes from customers).
/// </summary>
internal static class CommentAudit
{
    public const string EntityName = "Comment";

    public static async Task<List<AuditEntry>> CollectAsync(
        SupportDbContext db, AuditSource? source, DateTime now, bool sync, CancellationToken cancellationToken)
    {
        var edited = db.ChangeTracker.Entries<Comment>()
            .Where(e => e.State == EntityState.Modified)
            .Where(e => !Equals(e.Property(c => c.Content).OriginalValue, e.Entity.Content)
                || e.Property(c => c.IsInternal).OriginalValue != e.Entity.IsInternal)
            .ToList();
        if (edited.Count == 0)
        {
            return [];
        }

        var untracked = edited.Where(e => e.Entity.Ticket is null).Select(e => e.Entity.TicketId).Distinct().ToList();
        var numbers = await SyncOrAsync.TicketNumbersAsync(db, untracked, sync, cancellationToken);
        return [.. edited.Select(e => new AuditEntry
        {
            EntityName = EntityName,
            RecordId = e.Entity.Id.ToString(CultureInfo.InvariantCulture),
            TicketNumber = e.Entity.Ticket?.Number ?? numbers.GetValueOrDefault(e.Entity.TicketId),
            Action = AuditAction.Update,
            UserId = source?.UserId,
            IpAddress = source?.IpAddress,
            UserAgent = source?.UserAgent,
            Changes = AuditChanges.ToJson(
            [
                new FieldChange("content", e.Property(c => c.Content).OriginalValue, e.Entity.Content),
                new FieldChange("isInternal", e.Property(c => c.IsInternal).OriginalValue, e.Entity.IsInternal),
            ]),
            CreatedAt = now,
        })];
    }
}
