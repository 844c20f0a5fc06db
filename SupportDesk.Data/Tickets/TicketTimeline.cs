using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Infrastructure;

namespace SupportDesk.Data.Tickets;

/// <summary>
/// A ticket's whole story in time order: replies, internal notes, attachments and field changes, read with a fixed
/// number of queries however long the story is. Customers see public replies, attachments that are not on internal
/// notes, and status changes only; every other change (assignee, priority, tags, comment edits…) is staff-only.
/// </summary>
public sealed class TicketTimeline(IDbContextFactory<SupportDbContext> contexts)
{
    private const string AssigneeField = "assigneeId";

    public async Task<ServiceResult<IReadOnlyList<TimelineItem>>> GetAsync(Actor actor, string number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ticketId = await db.Tickets.AsNoTracking().VisibleTo(actor)
            .Where(t => t.Number == number).Select(t => (long?)t.Id).FirstOrDefaultAsync(cancellationToken);
        if (ticketId is not { } id)
        {
            return ServiceResult<IReadOnlyList<TimelineItem>>.Missing("Ticket");
        }

        var staff = actor.IsStaff;
        var comments = await db.Comments.AsNoTracking()
            .Where(c => c.TicketId == id && (staff || !c.IsInternal))
            .Select(c => new TimelineComment(c.Id, c.CreatedAt, c.AuthorId, c.Author!.FullName, c.Content, c.IsInternal, c.UpdatedAt > c.CreatedAt ? c.UpdatedAt : null))
            .ToListAsync(cancellationToken);
        var attachments = await db.Attachments.AsNoTracking()
            .Where(a => a.TicketId == id && (staff || a.CommentId == null || !a.Comment!.IsInternal))
            .Select(a => new TimelineAttachment(a.Id, a.CreatedAt, a.Uploader!.FullName, a.FileName, a.SizeBytes, a.ContentType, a.CommentId))
            .ToListAsync(cancellationToken);
        var changes = await ChangesAsync(db, number, staff, cancellationToken);

        IReadOnlyList<TimelineItem> items = [.. comments.Concat<TimelineItem>(attachments).Concat(changes)
            .OrderBy(i => i.At).ThenBy(i => i.Rank).ThenBy(i => i.Id)];
        return ServiceResult<IReadOnlyList<TimelineItem>>.Ok(items);
    }

    private static async Task<List<TimelineChange>> ChangesAsync(SupportDbContext db, string number, bool staff, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.TicketNumber == number);
        if (!staff)
        {
            entries = entries.Where(a => a.EntityName == nameof(Ticket));
        }

        var rows = await entries
            .Select(a => new
            {
                a.Id,
                a.CreatedAt,
                ActorName = a.User == null ? null : a.User.FullName,
                Automatic = a.UserId == null && a.UserAgent != null && a.UserAgent.StartsWith(SystemActor.AgentPrefix),
                a.EntityName,
                a.RecordId,
                a.Action,
                a.Changes,
            })
            .ToListAsync(cancellationToken);
        var changes = rows
            .Select(r => new TimelineChange(r.Id, r.CreatedAt, r.ActorName, r.EntityName, r.RecordId, r.Action, Visible(AuditChanges.Read(r.Changes), staff))
            {
                Automatic = r.Automatic,
            })
            .Where(c => c.Changes.Count > 0)
            .ToList();
        return staff ? await WithAssigneeNamesAsync(db, changes, cancellationToken) : changes;
    }

    private static List<ChangeView> Visible(IReadOnlyList<ChangeView> changes, bool staff) =>
        [.. changes.Where(c => staff || c.Field == "status")];

    /// <summary>Assignees are stored by id; one read turns every id in the story into a name.</summary>
    private static async Task<List<TimelineChange>> WithAssigneeNamesAsync(SupportDbContext db, List<TimelineChange> changes, CancellationToken cancellationToken)
    {
        var ids = changes.SelectMany(c => c.Changes).Where(c => c.Field == AssigneeField)
            .SelectMany(c => new[] { c.From, c.To }).OfType<string>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return changes;
        }

        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.FullName }).ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
        string? Name(string? id) => id is null ? null : names.GetValueOrDefault(id, "a removed user");
        return [.. changes.Select(c => c with
        {
            Changes = [.. c.Changes.Select(v => v.Field == AssigneeField ? new ChangeView("assignee", Name(v.From), Name(v.To)) : v)],
        })];
    }
}
