using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Tags;

public sealed partial class TagCatalog
{
    /// <summary>
    /// Deletes a tag and its links; the tickets stay. The result counts the tickets that lost it, trashed ones
    /// included, as each of them gets an audit entry.
    /// </summary>
    public Task<ServiceResult<int>> DeleteAsync(Actor actor, int tagId, AuditSource? source, CancellationToken cancellationToken) =>
        ChangeAsync(actor, source, async (db, audit) =>
        {
            var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == tagId, cancellationToken);
            if (tag is null)
            {
                return ServiceResult<int>.Missing("Tag");
            }

            var links = await UnlinkAsync(db, actor, tagId, alsoTagged: null, cancellationToken);
            db.Tags.Remove(tag);
            db.AuditEntries.Add(TagAudit.Entry(audit, tagId, AuditAction.PermanentDelete, TagAudit.Fields(tag, removed: true)));
            await db.SaveChangesAsync(cancellationToken);
            return ServiceResult<int>.Ok(links.Count);
        }, cancellationToken);

    /// <summary>
    /// Moves every ticket from <paramref name="sourceId"/> to <paramref name="targetId"/> (a ticket that had both keeps
    /// one link) and deletes the source, in one transaction. The result counts the tickets that had the source.
    /// </summary>
    public Task<ServiceResult<int>> MergeAsync(Actor actor, int sourceId, int targetId, AuditSource? source, CancellationToken cancellationToken) =>
        ChangeAsync(actor, source, async (db, audit) =>
        {
            if (sourceId == targetId)
            {
                return ServiceResult<int>.Failure("targetId", "A tag cannot be merged into itself; choose another tag.");
            }

            // Both tags tracked, so the links below resolve their names from them in the tickets' audit entries.
            var tags = await db.Tags.Where(t => t.Id == sourceId || t.Id == targetId).ToListAsync(cancellationToken);
            var from = tags.Find(t => t.Id == sourceId);
            var into = tags.Find(t => t.Id == targetId);
            if (from is null)
            {
                return ServiceResult<int>.Missing("Tag");
            }

            if (into is null)
            {
                return ServiceResult<int>.Failure("targetId", "The tag to merge into does not exist any more; choose another tag.");
            }

            var links = await UnlinkAsync(db, actor, sourceId, targetId, cancellationToken);

            // A moved link keeps the time the ticket was first tagged: merging is not a new use of the tag.
            db.TicketTags.AddRange(links.Where(l => !l.AlsoTagged).Select(l => new TicketTag { TicketId = l.TicketId, TagId = targetId, AddedAt = l.AddedAt }));
            db.Tags.Remove(from);
            db.AuditEntries.Add(TagAudit.Entry(audit, sourceId, AuditAction.Merge, [new FieldChange("mergedInto", from.Name, into.Name)]));
            await db.SaveChangesAsync(cancellationToken);
            return ServiceResult<int>.Ok(links.Count);
        }, cancellationToken);

    /// <summary>
    /// Reads the tag's links (and whether each ticket also has <paramref name="alsoTagged"/>), marks them deleted for the
    /// next save and stamps their tickets as updated. The links are removed by key, without loading their tickets, so
    /// the save's audit writes each ticket's tag names before and after, as for any tag edit.
    /// </summary>
    private async Task<List<TagLink>> UnlinkAsync(SupportDbContext db, Actor actor, int tagId, int? alsoTagged, CancellationToken cancellationToken)
    {
        var links = await db.TicketTags
            .Where(tt => tt.TagId == tagId)
            .Select(tt => new TagLink(tt.TicketId, tt.AddedAt, alsoTagged != null && db.TicketTags.Any(o => o.TicketId == tt.TicketId && o.TagId == alsoTagged)))
            .ToListAsync(cancellationToken);

        // A ticket whose tags changed counts as updated, so an editor that read it before sees the change as a conflict.
        await db.Tickets.VisibleTo(actor, includeDeleted: true)
            .Where(t => t.TicketTags.Any(tt => tt.TagId == tagId))
            .ExecuteStampedUpdateAsync(db, clock.GetUtcNow().UtcDateTime, _ => { }, cancellationToken);
        db.TicketTags.RemoveRange(links.Select(l => new TicketTag { TicketId = l.TicketId, TagId = tagId }));
        return links;
    }

    private sealed record TagLink(long TicketId, DateTime AddedAt, bool AlsoTagged);
}
