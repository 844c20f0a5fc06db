using SupportDesk.Data.Comments;
using SupportDesk.Data.Infrastructure;

namespace SupportDesk.Data.Attachments;

/// <summary>A file already in attachment storage, waiting for the row that makes it part of a ticket.</summary>
public sealed record StoredFile(string FileName, string StorageKey, long SizeBytes, string ContentType)
{
    /// <summary>The row for a ticket's own file (added to the ticket) or, with <paramref name="comment"/>, for a reply's.</summary>
    internal Attachment ToRow(string uploaderId, Comment? comment = null) => new()
    {
        TicketId = comment?.TicketId ?? 0,
        Comment = comment,
        UploaderId = uploaderId,
        FileName = FileName,
        StorageKey = StorageKey,
        SizeBytes = SizeBytes,
        ContentType = ContentType,
    };
}

/// <summary>
/// Brings incoming files into storage for the ticket and reply services: cleans names, counts bytes,
/// refuses over-size files mid-stream, sniffs types, and removes the bytes again when the rows that
/// would own them are not saved. Storing happens before the owner's transaction opens, so a slow
/// upload never holds a database lock.
/// </summary>
public sealed class AttachmentUploads(IAttachmentStore store, AttachmentOptions options)
{
    public const int MaxFilesPerSubmission = 10;

    /// <summary>The field name attachment errors carry.</summary>
    public const string Field = "attachments";

    public long MaxFileBytes => options.MaxFileBytes;

    public async Task<ServiceResult<IReadOnlyList<StoredFile>>> StoreAsync(IReadOnlyList<IncomingFile>? files, CancellationToken cancellationToken)
    {
        if (files is null || files.Count == 0)
        {
            return ServiceResult<IReadOnlyList<StoredFile>>.Ok([]);
        }

        if (files.Count > MaxFilesPerSubmission)
        {
            return ServiceResult<IReadOnlyList<StoredFile>>.Failure(Field, $"Attach at most {MaxFilesPerSubmission} files at once.");
        }

        var written = new List<string>();
        var stored = new List<StoredFile>();
        try
        {
            foreach (var file in files)
            {
                var name = AttachmentNames.Clean(file.FileName);
                var key = StorageKeys.New();
                written.Add(key);
                await using var content = new MeteredStream(file.Open(cancellationToken), options.MaxFileBytes);
                try
                {
                    await store.WriteAsync(key, content, cancellationToken);
                }
                catch (AttachmentTooLargeException)
                {
                    await store.DeleteAsync(written, CancellationToken.None);
                    return ServiceResult<IReadOnlyList<StoredFile>>.Failure(
                        Field, $"{name} is larger than the {FileSizes.Format(options.MaxFileBytes)} limit for attachments.");
                }

                stored.Add(new StoredFile(name, key, content.BytesRead, AttachmentContentTypes.Decide(content.Head, file.ClaimedContentType)));
            }
        }
        catch
        {
            // A broken or cancelled upload leaves nothing behind, not even the part already written.
            await store.DeleteAsync(written, CancellationToken.None);
            throw;
        }

        return ServiceResult<IReadOnlyList<StoredFile>>.Ok(stored);
    }

    /// <summary>Runs the save that records <paramref name="files"/>; unless <paramref name="kept"/> says it did, the stored bytes are removed.</summary>
    public async Task<TResult> SaveWithAsync<TResult>(IReadOnlyList<StoredFile> files, Func<Task<TResult>> save, Func<TResult, bool> kept)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(save);
        ArgumentNullException.ThrowIfNull(kept);
        var keep = false;
        try
        {
            var result = await save();
            keep = kept(result);
            return result;
        }
        finally
        {
            if (!keep && files.Count > 0)
            {
                await store.DeleteAsync(files.Select(f => f.StorageKey).ToList(), CancellationToken.None);
            }
        }
    }
}
