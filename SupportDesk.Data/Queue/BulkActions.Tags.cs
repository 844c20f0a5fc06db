using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Tags;

namespace SupportDesk.Data.Queue;

public sealed partial class BulkActions
{
    /// <summary>
    /// Links the named tags to every target ticket that lacks one, creating tags on first use. The missing links
    /// come from one query and are inserted by one SaveChanges, whose audit interceptor writes the per-ticket
    /// <c>tags</c> entry (names before and after) as it does for a single ticket's tag edit.
    /// </summary>
    public Task<ServiceResult<int>> AddTagsAsync(
        Actor actor, BulkTarget target, IEnumerable<string> tags, AuditSource? source, CancellationToken cancellationToken)
    {
        if (CheckTags(tags, out var names) is { } refused)
        {
            return Task.FromResult(refused);
        }

        return InTransactionAsync(actor, target, adminOnly: false, source, async scope =>
        {
            var db = scope.Db;
            var named = await TagLinks.FindOrCreateAsync(db, names, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);

            var tagIds = named.Select(t => t.Id).ToList();
            var missing = await (
                from ticket in scope.Tickets(trashed: false)
                from tag in db.Tags
                where tagIds.Contains(tag.Id) && !db.TicketTags.Any(tt => tt.TicketId == ticket.Id && tt.TagId == tag.Id)
                select new { TicketId = ticket.Id, TagId = tag.Id }).ToListAsync(cancellationToken);
            if (missing.Count == 0)
            {
                return ServiceResult<int>.Ok(0);
            }

            var ids = missing.Select(m => m.TicketId).Distinct().ToList();
            var count = await TouchAsync(scope, ids, _ => { }, cancellationToken);
            db.TicketTags.AddRange(missing.Select(m => new TicketTag { TicketId = m.TicketId, TagId = m.TagId }));
            await db.SaveChangesAsync(cancellationToken);
            return ServiceResult<int>.Ok(count);
        }, cancellationToken);
    }

    /// <summary>Unlinks the named tags with one DELETE, after reading each affected ticket's tag names once for its audit entry.</summary>
    public Task<ServiceResult<int>> RemoveTagsAsync(
        Actor actor, BulkTarget target, IEnumerable<string> tags, AuditSource? source, CancellationToken cancellationToken)
    {
        if (CheckTags(tags, out var names) is { } refused)
        {
            return Task.FromResult(refused);
        }

        return InTransactionAsync(actor, target, adminOnly: false, source, async scope =>
        {
            var db = scope.Db;
            var tagIds = await TagLinks.IdsAsync(db, names, cancellationToken);
            var rows = await scope.Tickets(trashed: false)
                .Where(t => t.TicketTags.Any(tt => tagIds.Contains(tt.TagId)))
                .Select(t => new BulkRow<List<string>>(t.Id, t.Number, t.TicketTags.Select(tt => tt.Tag!.Name).ToList()))
                .ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                return ServiceResult<int>.Ok(0);
            }

            var ids = rows.Select(r => r.Id).ToList();
            await db.TicketTags.Where(tt => ids.Contains(tt.TicketId) && tagIds.Contains(tt.TagId)).ExecuteDeleteAsync(cancellationToken);
            var count = await TouchAsync(scope, ids, _ => { }, cancellationToken);
            await scope.AuditAsync(AuditAction.Update, rows.Select(r =>
            {
                var before = r.Before.Order(StringComparer.Ordinal).ToList();
                return (r.Number, (IEnumerable<FieldChange>)[new FieldChange(TicketTagAudit.Field, before, before.Except(names).ToList())]);
            }), cancellationToken);
            return ServiceResult<int>.Ok(count);
        }, cancellationToken);
    }

    /// <summary>Normalises the names; a refusal when one is too long or none is left.</summary>
    private static ServiceResult<int>? CheckTags(IEnumerable<string>? tags, out IReadOnlyList<string> names)
    {
        var errors = new List<FieldError>();
        names = TagNames.Normalize(tags, errors);
        if (errors.Count > 0)
        {
            return ServiceResult<int>.Invalid(errors);
        }

        return names.Count == 0 ? ServiceResult<int>.Failure("tags", "Name at least one tag.") : null;
    }
}
