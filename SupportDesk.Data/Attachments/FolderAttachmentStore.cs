namespace SupportDesk.Data.Attachments;

/// <summary>
/// Keeps each file as <c>{root}/{first two key characters}/{key}</c>. The root must be a folder every
/// app node shares (a mounted volume). Only well-formed keys are accepted, so no path can escape the root.
/// </summary>
public sealed class FolderAttachmentStore(string root) : IAttachmentStore
{
    private const int BufferBytes = 80 * 1024;

    public string Root { get; } = Path.GetFullPath(root);

    public async Task WriteAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathFor(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferBytes, useAsync: true);
        await content.CopyToAsync(file, BufferBytes, cancellationToken);
    }

    public async Task CopyToAsync(string key, Stream destination, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(PathFor(key), FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes, useAsync: true);
        await file.CopyToAsync(destination, BufferBytes, cancellationToken);
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            var path = PathFor(key);
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }

        return Task.CompletedTask;
    }

    internal string PathFor(string key) =>
        StorageKeys.IsWellFormed(key)
            ? Path.Combine(Root, key[..2], key)
            : throw new ArgumentException("Not a storage key.", nameof(key));
}
