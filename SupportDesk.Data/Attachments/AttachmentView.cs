namespace SupportDesk.Data.Attachments;

/// <summary>An attachment as pages list it: a name, a size and the id its download address uses.</summary>
public sealed record AttachmentView(long Id, string FileName, long SizeBytes, string ContentType);
