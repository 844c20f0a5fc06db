namespace SupportDesk.Data.Attachments;

/// <summary>
/// One slice of a file kept in the database store. Files are written and read slice by slice so
/// no request ever holds a whole upload in memory, and every app node can serve every file.
/// </summary>
public class AttachmentChunk
{
    public string StorageKey { get; set; } = "";
    public int Index { get; set; }
    public byte[] Data { get; set; } = [];
}
