namespace SupportDesk.Data.Attachments;

/// <summary>
/// Where attachment bytes live, by storage key. Keys are random (<see cref="StorageKeys"/>) and never
/// come from a file name. Every app node must see the same store.
/// </summary>
public interface IAttachmentStore
{
    /// <summary>Reads <paramref name="content"/> to its end in slices and keeps it under <paramref name="key"/>; on failure the caller deletes the key.</summary>
    Task WriteAsync(string key, Stream content, CancellationToken cancellationToken);

    Task CopyToAsync(string key, Stream destination, CancellationToken cancellationToken);

    /// <summary>Removes whatever is kept under the keys; unknown keys are ignored.</summary>
    Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);
}
