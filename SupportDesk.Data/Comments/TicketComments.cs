using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Attachments;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Comments;

/// <summary>Posts replies and internal notes, exactly once per submission, with the ticket rules they trigger; edits them later.</summary>
public sealed class TicketComments(IDbContextFactory<SupportDbContext> contexts, TimeProvider clock, AttachmentUploads uploads)
{
    public const int MaxLength = 20_000;

    public async Task<ServiceResult<PostedComment>> AddAsync(
        Actor actor, string number, NewComment input, AuditSource? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var content = input.Content?.Trim() ?? "";
        if (CheckContent(content) is { } invalid)
        {
            return ServiceResult<PostedComment>.Invalid([invalid]);
        }

        if (input.SubmissionId == Guid.Empty)
        {
            return ServiceResult<PostedComment>.Failure("submissionId", "A submission id is required.");
        }

        if (input.IsInternal && !actor.IsStaff)
        {
            return ServiceResult<PostedComment>.Failure("isInternal", "Only agents and admins can write internal notes.");
        }

        var files = await uploads.StoreAsync(input.Attachments, cancellationToken);
        if (files.Value is not { } stored)
        {
            return ServiceResult<PostedComment>.Invalid(files.Errors);
        }

        // A repeated submission keeps the files of its first copy, not the ones sent again.
        return await uploads.SaveWithAsync(stored, () => SaveAsync(actor, number, input, content, stored, source, cancellationToken), r => r.Value is { Repeated: false });
    }

    private async Task<ServiceResult<PostedComment>> SaveAsync(
        Actor actor, string number, NewComment input, string content, IReadOnlyList<StoredFile> files, AuditSource? source, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditSource = source ?? new AuditSource(actor.UserId);
        var ticket = await TicketLookup.VisibleAsync(db, actor, number, cancellationToken);
        if (ticket is null)
        {
            return ServiceResult<PostedComment>.Missing("Ticket");
        }

        // The guard inside the handler; the unique index below catches two copies racing past it.
        if (await RepeatAsync(db, actor, ticket, input.SubmissionId, cancellationToken) is { } repeated)
        {
            return repeated;
        }

        var comment = new Comment { TicketId = ticket.Id, AuthorId = actor.UserId, Content = content, IsInternal = input.IsInternal, SubmissionId = input.SubmissionId };
        db.Comments.Add(comment);
        db.Attachments.AddRange(files.Select(f => f.ToRow(actor.UserId, comment)));
        await DiscardDraftAsync(db, actor, ticket, cancellationToken);
        ApplyTicketRules(db, actor, ticket, input.IsInternal);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            await using var again = await contexts.CreateDbContextAsync(cancellationToken);
            if (await RepeatAsync(again, actor, ticket, input.SubmissionId, cancellationToken) is { } raced)
            {
                return raced;
            }

            throw;
        }

        return ServiceResult<PostedComment>.Ok(new PostedComment(comment.Id, Repeated: false));
    }

    /// <summary>
    /// Authors edit their own comments and admins any; a comment the actor may not see (another customer's ticket,
    /// an internal note for a customer) is not found. The audit trail keeps the earlier text.
    /// </summary>
    public async Task<ServiceResult<long>> EditAsync(
        Actor actor, string number, long commentId, string newContent, AuditSource? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var content = newContent?.Trim() ?? "";
        if (CheckContent(content) is { } invalid)
        {
            return ServiceResult<long>.Invalid([invalid]);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditSource = source ?? new AuditSource(actor.UserId);
        var ticket = await TicketLookup.VisibleAsync(db, actor, number, cancellationToken);
        var comment = ticket is null
            ? null
            : await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId && c.TicketId == ticket.Id && (actor.IsStaff || !c.IsInternal), cancellationToken);
        if (comment is null)
        {
            return ServiceResult<long>.Missing("Comment");
        }

        if (comment.AuthorId != actor.UserId && !actor.IsAdmin)
        {
            return ServiceResult<long>.Failure("", "You can only edit your own comments.");
        }

        comment.Content = content;
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult<long>.Ok(comment.Id);
    }

    private static FieldError? CheckContent(string content) =>
        content.Length == 0 ? new FieldError("content", "Write something before sending.") : CheckText(content);

    /// <summary>The rules for the text of a reply or note, sent or kept as a draft: its length, and nothing that cannot be stored.</summary>
    internal static FieldError? CheckText(string content) =>
        content.Length > MaxLength
            ? new FieldError("content", FormattableString.Invariant($"A reply can be at most {MaxLength:N0} characters."))
            : TextRules.Check("content", "The text", content, multiline: true);

    /// <summary>The poster's unsent draft for this ticket goes in the same save as the comment it became.</summary>
    private static async Task DiscardDraftAsync(SupportDbContext db, Actor actor, Ticket ticket, CancellationToken cancellationToken)
    {
        var draft = await db.ReplyDrafts.FirstOrDefaultAsync(d => d.UserId == actor.UserId && d.TicketId == ticket.Id, cancellationToken);
        if (draft is not null)
        {
            db.ReplyDrafts.Remove(draft);
        }
    }

    private void ApplyTicketRules(SupportDbContext db, Actor actor, Ticket ticket, bool isInternal)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!isInternal && actor.IsStaff && ticket.CreatorId != actor.UserId)
        {
            ticket.FirstResponseAt ??= now;
        }

        if (!isInternal && !actor.IsStaff && ticket.Status is TicketStatus.WaitingOnCustomer or TicketStatus.Resolved)
        {
            TicketClock.MoveTo(ticket, TicketStatus.Open, now);
        }

        // A new comment is activity on the ticket; the timestamp interceptor stamps the time.
        db.Entry(ticket).Property(t => t.UpdatedAt).IsModified = true;
    }

    private static async Task<ServiceResult<PostedComment>?> RepeatAsync(
        SupportDbContext db, Actor actor, Ticket ticket, Guid submissionId, CancellationToken cancellationToken)
    {
        var earlier = await db.Comments.AsNoTracking()
            .Where(c => c.SubmissionId == submissionId)
            .Select(c => new { c.Id, c.TicketId, c.AuthorId })
            .FirstOrDefaultAsync(cancellationToken);
        if (earlier is null)
        {
            return null;
        }

        return earlier.TicketId == ticket.Id && earlier.AuthorId == actor.UserId
            ? ServiceResult<PostedComment>.Ok(new PostedComment(earlier.Id, Repeated: true))
            : ServiceResult<PostedComment>.Failure("submissionId", "This submission id belongs to another comment.");
    }
}
