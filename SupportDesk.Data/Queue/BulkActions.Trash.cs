using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Attachments;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Infrastructure;

namespace SupportDesk.Data.Queue;

public sealed partial class BulkActions
{
    public Task<ServiceResult<int>> SoftDeleteAsync(Actor actor, BulkTarget target, AuditSource? source, CancellationToken cancellationToken) =>
        UpdateAsync(
            actor, target, trashed: false, slaInputs: false, source, AuditAction.SoftDelete,
            t => true,
            t => new BulkRow<DateTime?>(t.Id, t.Number, t.DeletedAt),
            (_, now) => [new FieldChange("deletedAt", null, now)],
            (s, now) => s.SetProperty(t => t.DeletedAt, now),
            cancellationToken);

    /// <summary>Admins only: takes tickets out of the trash.</summary>
    public Task<ServiceResult<int>> RestoreAsync(Actor actor, BulkTarget target, AuditSource? source, CancellationToken cancellationToken) =>
        UpdateAsync(
            actor, target, trashed: true, slaInputs: false, source, AuditAction.Restore,
            t => true,
            t => new BulkRow<DateTime?>(t.Id, t.Number, t.DeletedAt),
            (before, _) => [new FieldChange("deletedAt", before, null)],
            (s, _) => s.SetProperty(t => t.DeletedAt, (DateTime?)null),
            cancellationToken);

    /// <summary>Admins only: deletes tickets already in the trash for good, with their comments, attachments and tag links.</summary>
    public async Task<ServiceResult<int>> DeletePermanentlyAsync(Actor actor, BulkTarget target, AuditSource? source, CancellationToken cancellationToken)
    {
        List<string> keys = [];
        var result = await InTransactionAsync(actor, target, adminOnly: true, source, async scope =>
        {
            var rows = await scope.Tickets(trashed: true)
                .Select(t => new BulkRow<DeletedFields>(t.Id, t.Number, new DeletedFields(
                    t.Title, t.Description, t.Status, t.Priority, t.AssigneeId, t.Category, t.CustomFields, t.DeletedAt)))
                .ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                return ServiceResult<int>.Ok(0);
            }

            var ids = rows.Select(r => r.Id).ToList();
            keys = await scope.Db.Attachments.Where(a => ids.Contains(a.TicketId)).Select(a => a.StorageKey).ToListAsync(cancellationToken);
            await DatabaseAttachmentStore.DeleteChunksAsync(scope.Db, keys, cancellationToken);

            // Comments, attachments and tag links go by the foreign keys' ON DELETE CASCADE.
            var count = await scope.Db.Tickets.Where(t => ids.Contains(t.Id)).ExecuteDeleteAsync(cancellationToken);
            await scope.AuditAsync(AuditAction.PermanentDelete, rows.Select(r => (r.Number, Gone(r.Before))), cancellationToken);
            return ServiceResult<int>.Ok(count);
        }, cancellationToken);

        // As with a single permanent delete: files cannot join the transaction, so they go once the rows are gone.
        if (result.Succeeded && keys.Count > 0)
        {
            await files.DeleteAsync(keys, CancellationToken.None);
        }

        return result;
    }

    /// <summary>A permanent delete records every field that had a value, as the single-ticket delete does.</summary>
    private static IEnumerable<FieldChange> Gone(DeletedFields before) =>
        new FieldChange[]
        {
            new("title", before.Title, null), new("description", before.Description, null), new("status", before.Status, null),
            new("priority", before.Priority, null), new("assigneeId", before.AssigneeId, null), new("category", before.Category, null),
            new("customFields", before.CustomFields, null), new("deletedAt", before.DeletedAt, null),
        }.Where(c => c.From is not null);
}
