namespace SupportDesk.Data.Attachments;

/// <summary>The <c>Attachments</c> configuration section.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";
    public const long DefaultMaxFileBytes = 10 * 1024 * 1024;

    /// <summary>The largest file accepted, counted from the bytes actually received.</summary>
    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    /// <summary>Where the bytes live: in the database (default) or in a folder every app node shares.</summary>
    public AttachmentStorage Storage { get; set; } = AttachmentStorage.Database;

    /// <summary>The folder for <see cref="AttachmentStorage.Folder"/>; the app defaults it to its <c>data/attachments</c>.</summary>
    public string? Folder { get; set; }
}

public enum AttachmentStorage
{
    Database,
    Folder,
}
