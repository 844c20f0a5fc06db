using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Infrastructure;

namespace SupportDesk.Data.Attachments;

/// <summary>A file the actor may download: what to call it, how to label it, and (for this service only) where it lives.</summary>
public sealed record AttachmentDownload(string FileName, string ContentType, long SizeBytes)
{
    internal string StorageKey { get; init; } = "";
}

/// <summary>Finds attachments through the one visibility rule and streams their bytes from storage.</summary>
public sealed class AttachmentDownloads(IDbContextFactory<SupportDbContext> contexts, IAttachmentStore store)
{
    /// <summary>The attachment if the actor may see it; a file on someone else's ticket or on an internal note looks exactly like a missing one.</summary>
    public async Task<ServiceResult<AttachmentDownload>> FindAsync(Actor actor, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var file = await db.Tickets.AsNoTracking().AttachmentsVisibleTo(actor)
            .Where(a => a.Id == id)
            .Select(a => new AttachmentDownload(a.FileName, a.ContentType, a.SizeBytes) { StorageKey = a.StorageKey })
            .FirstOrDefaultAsync(cancellationToken);
        return file is null ? ServiceResult<AttachmentDownload>.Missing("Attachment") : ServiceResult<AttachmentDownload>.Ok(file);
    }

    public Task CopyToAsync(AttachmentDownload file, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        return store.CopyToAsync(file.StorageKey, destination, cancellationToken);
    }
}
