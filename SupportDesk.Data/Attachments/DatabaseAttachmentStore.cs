using Microsoft.EntityFrameworkCore;

namespace SupportDesk.Data.Attachments;

/// <summary>
/// Keeps files as <see cref="AttachmentChunk"/> rows, one slice saved as soon as it is read, so an
/// upload never sits whole in memory and every node that reaches the database can serve it.
/// </summary>
public sealed class DatabaseAttachmentStore(IDbContextFactory<SupportDbContext> contexts) : IAttachmentStore
{
    public const int ChunkBytes = 256 * 1024;

    public async Task WriteAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var buffer = new byte[ChunkBytes];
        for (var index = 0; ; index++)
        {
            var filled = await content.ReadAtLeastAsync(buffer, ChunkBytes, throwOnEndOfStream: false, cancellationToken);
            if (filled == 0)
            {
                return;
            }

            db.AttachmentChunks.Add(new AttachmentChunk { StorageKey = key, Index = index, Data = filled == ChunkBytes ? buffer : buffer[..filled] });
            await db.SaveChangesAsync(cancellationToken);

            // Saved and forgotten, so the buffer can take the next slice.
            db.ChangeTracker.Clear();
            if (filled < ChunkBytes)
            {
                return;
            }
        }
    }

    public async Task CopyToAsync(string key, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        for (var index = 0; ; index++)
        {
            var data = await db.AttachmentChunks.AsNoTracking()
                .Where(c => c.StorageKey == key && c.Index == index)
                .Select(c => c.Data)
                .FirstOrDefaultAsync(cancellationToken);
            if (data is null)
            {
                return;
            }

            await destination.WriteAsync(data, cancellationToken);
        }
    }

    public async Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await DeleteChunksAsync(db, keys, cancellationToken);
    }

    /// <summary>Chunks have no foreign key (the store knows keys, not owners), so they are deleted by key, inside the caller's transaction.</summary>
    internal static Task<int> DeleteChunksAsync(SupportDbContext db, IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        db.AttachmentChunks.Where(c => keys.Contains(c.StorageKey)).ExecuteDeleteAsync(cancellationToken);
}
