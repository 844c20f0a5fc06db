using SupportDesk.Data.Attachments;
using SupportDesk.Data.Audit;

namespace SupportDesk.Data.Tickets;

/// <summary>One entry of a ticket's timeline: a reply or note, an attachment, or a recorded change.</summary>
public abstract record TimelineItem(long Id, DateTime At)
{
    /// <summary>Among items of the same instant: the ticket's creation first, then what was written, then what it changed.</summary>
    internal abstract int Rank { get; }
}

/// <summary>A public reply or an internal note; <paramref name="EditedAt"/> is set once it has been edited.</summary>
public sealed record TimelineComment(long Id, DateTime At, string AuthorId, string AuthorName, string Content, bool IsInternal, DateTime? EditedAt)
    : TimelineItem(Id, At)
{
    internal override int Rank => 1;
}

/// <summary>A file added to the ticket, or to one of its comments.</summary>
public sealed record TimelineAttachment(long Id, DateTime At, string UploaderName, string FileName, long SizeBytes, string ContentType, long? CommentId)
    : TimelineItem(Id, At)
{
    internal override int Rank => 2;

    public AttachmentView File => new(Id, FileName, SizeBytes, ContentType);
}

/// <summary>
/// A recorded change from the audit trail: of the ticket (<paramref name="Subject"/> <c>Ticket</c>) or of one of its
/// comments (<c>Comment</c>, <paramref name="RecordId"/> the comment's id). Assignees appear by name.
/// </summary>
public sealed record TimelineChange(long Id, DateTime At, string? ActorName, string Subject, string RecordId, AuditAction Action, IReadOnlyList<ChangeView> Changes)
    : TimelineItem(Id, At)
{
    /// <summary>Made by SupportDesk itself (see <see cref="SystemActor"/>), not by a person.</summary>
    public bool Automatic { get; init; }

    internal override int Rank => Action == AuditAction.Create ? 0 : 3;
}
