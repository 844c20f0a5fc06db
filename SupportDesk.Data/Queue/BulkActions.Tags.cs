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
    public async Task<ServiceResult<int>> AddTagsAsync(
        Actor actor, BulkTarget target, IEnumerable<string> tags, AuditSource? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(target);
        if (!actor.IsStaff)
        {
            return StaffOnly();
        }

        if (CheckTags(tags, out var names) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditSource = source ?? new AuditSource(actor.UserId);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.Tags.Where(t => names.Contains(t.Name)).ToListAsync(cancellationToken);
        db.Tags.AddRange(names.Except(existing.Select(t => t.Name)).Select(n => new Tag { Name = n, Color = TagNames.ColorFor(n) }));
        await db.SaveChangesAsync(cancellationToken);

        var tagIds = db.Tags.Local.Where(t => names.Contains(t.Name)).Select(t => t.Id).ToList();
        var missing = await (
            from ticket in Resolve(db, actor, target, trashed: false, now)
            from tag in db.Tags
            where tagIds.Contains(tag.Id) && !db.TicketTags.Any(tt => tt.TicketId == ticket.Id && tt.TagId == tag.Id)
            select new { TicketId = ticket.Id, TagId = tag.Id }).ToListAsync(cancellationToken);
        if (missing.Count == 0)
        {
            return ServiceResult<int>.Ok(0);
        }

        var ids = missing.Select(m => m.TicketId).Distinct().ToList();
        var count = await TouchAsync(db, ids, now, _ => { }, cancellationToken);
        db.TicketTags.AddRange(missing.Select(m => new TicketTag { TicketId = m.TicketId, TagId = m.TagId }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ServiceResult<int>.Ok(count);
    }

    /// <summary>Unlinks the named tags with one DELETE, after reading each affected ticket's tag names once for its audit entry.</summary>
    public async Task<ServiceResult<int>> RemoveTagsAsync(
        Actor actor, BulkTarget target, IEnumerable<string> tags, AuditSource? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(target);
        if (!actor.IsStaff)
        {
            return StaffOnly();
        }

        if (CheckTags(tags, out var names) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tagIds = await db.Tags.Where(t => names.Contains(t.Name)).Select(t => t.Id).ToListAsync(cancellationToken);
        var rows = await Resolve(db, actor, target, trashed: false, now)
            .Where(t => t.TicketTags.Any(tt => tagIds.Contains(tt.TagId)))
            .Select(t => new BulkRow<List<string>>(t.Id, t.Number, t.TicketTags.Select(tt => tt.Tag!.Name).ToList()))
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return ServiceResult<int>.Ok(0);
        }

        var ids = rows.Select(r => r.Id).ToList();
        await db.TicketTags.Where(tt => ids.Contains(tt.TicketId) && tagIds.Contains(tt.TagId)).ExecuteDeleteAsync(cancellationToken);
        var count = await TouchAsync(db, ids, now, _ => { }, cancellationToken);
        db.AuditEntries.AddRange(rows.Select(r =>
        {
            var before = r.Before.Order(StringComparer.Ordinal).ToList();
            FieldChange change = new(TicketTagAudit.Field, before, before.Except(names).ToList());
            return Entry(r.Number, AuditAction.Update, [change], source ?? new AuditSource(actor.UserId), now);
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ServiceResult<int>.Ok(count);
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
