namespace SupportDesk.Data.Attachments;

/// <summary>
/// A file on its way in. Nothing in it is trusted: the name is cleaned, the type is sniffed from the
/// content and the size is counted while reading. <paramref name="Open"/> is called once, when the
/// file is stored, and the stream is read in slices, never as a whole.
/// </summary>
public sealed record IncomingFile(string? FileName, string? ClaimedContentType, Func<CancellationToken, Stream> Open);
