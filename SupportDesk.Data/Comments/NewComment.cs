using SupportDesk.Data.Attachments;

namespace SupportDesk.Data.Comments;

/// <summary>A reply or internal note; <paramref name="SubmissionId"/> is made once per compose box, so a resend is recognised.</summary>
public sealed record NewComment(string Content, bool IsInternal, Guid SubmissionId, IReadOnlyList<IncomingFile>? Attachments = null);

/// <summary>The stored comment; <paramref name="Repeated"/> when the same submission had already been stored.</summary>
public sealed record PostedComment(long Id, bool Repeated);
