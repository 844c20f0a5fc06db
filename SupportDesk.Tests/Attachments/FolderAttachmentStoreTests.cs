using SupportDesk.Data.Attachments;

namespace SupportDesk.Tests.Attachments;

/// <summary>The folder store on a throwaway folder, with the upload rules on top of it.</summary>
public sealed class FolderAttachmentStoreTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("supportdesk-files-");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_file_written_under_a_key_comes_back_byte_for_byte_and_is_gone_after_delete()
    {
        var store = new FolderAttachmentStore(root.FullName);
        var key = StorageKeys.New();
        var content = TestFiles.GeneratedBytes(300_000);

        await store.WriteAsync(key, new MemoryStream(content), Cancel);
        using var copy = new MemoryStream();
        await store.CopyToAsync(key, copy, Cancel);

        Assert.Equal(content, copy.ToArray());
        Assert.Equal(Path.Combine(root.FullName, key[..2], key), Assert.Single(Files()));
        await store.DeleteAsync([key], Cancel);
        Assert.Empty(Files());
    }

    [Theory]
    [InlineData("../../../etc/passwd")]
    [InlineData("..")]
    [InlineData("0123456789abcdef0123456789abcdeF")]
    [InlineData("0123456789abcdef0123456789abcde/")]
    [InlineData("")]
    public async Task A_key_that_is_not_a_storage_key_is_refused_before_touching_the_disk(string key)
    {
        var store = new FolderAttachmentStore(Path.Combine(root.FullName, "store"));

        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync(key, new MemoryStream([1, 2, 3]), Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync([key], Cancel));

        Assert.Empty(Files());
    }

    [Fact]
    public async Task A_file_of_exactly_the_limit_is_kept_and_one_byte_more_is_refused_leaving_no_file()
    {
        var uploads = Uploads(maxFileBytes: 1000);

        var exact = await uploads.StoreAsync([TestFiles.Generated("exact.txt", 1000, out _, "text/plain")], Cancel);
        var over = await uploads.StoreAsync([TestFiles.Png(), TestFiles.Generated("over.txt", 1001, out _, "text/plain")], Cancel);

        var stored = Assert.Single(exact.Value!);
        Assert.Equal(("exact.txt", 1000L, "text/plain"), (stored.FileName, stored.SizeBytes, stored.ContentType));
        Assert.Equal("over.txt is larger than the 1000 bytes limit for attachments.", Assert.Single(over.Errors).Message);
        Assert.Equal([stored.StorageKey], Files().Select(Path.GetFileName));
    }

    [Fact]
    public async Task Files_kept_for_a_save_that_fails_are_removed()
    {
        var uploads = Uploads(maxFileBytes: 1000);
        var stored = (await uploads.StoreAsync([TestFiles.Png(), TestFiles.Text("notes.txt", "see attached")], Cancel)).Value!;
        Assert.Equal(2, Files().Count);

        await Assert.ThrowsAsync<TimeoutException>(() =>
            uploads.SaveWithAsync<bool>(stored, () => throw new TimeoutException("the database went away"), _ => true));

        Assert.Empty(Files());
    }

    [Theory]
    [InlineData("../../escaped.txt", "escaped.txt")]
    [InlineData("/etc/cron.d/escaped", "escaped")]
    [InlineData("C:\\Windows\\System32\\escaped.bat", "escaped.bat")]
    [InlineData("..\\..\\escaped.txt", "escaped.txt")]
    [InlineData("\\\\server\\share\\escaped.txt", "escaped.txt")]
    [InlineData("escaped.txt\0../../../x", "x")]
    [InlineData("esc\0aped.txt", "escaped.txt")]
    [InlineData("..", "attachment")]
    public async Task A_path_like_name_never_leaves_the_storage_folder_and_is_kept_only_as_a_clean_last_segment(string sent, string shown)
    {
        var folder = Path.Combine(root.FullName, "store");
        var uploads = new AttachmentUploads(new FolderAttachmentStore(folder), new AttachmentOptions { Storage = AttachmentStorage.Folder, Folder = folder });

        var stored = Assert.Single((await uploads.StoreAsync([TestFiles.Text(sent, "payload")], Cancel)).Value!);

        Assert.Equal(shown, stored.FileName);
        Assert.Equal(Path.Combine(folder, stored.StorageKey[..2], stored.StorageKey), Assert.Single(Files()));
    }

    public void Dispose() => root.Delete(recursive: true);

    private AttachmentUploads Uploads(long maxFileBytes) =>
        new(new FolderAttachmentStore(root.FullName), new AttachmentOptions { MaxFileBytes = maxFileBytes, Storage = AttachmentStorage.Folder, Folder = root.FullName });

    private List<string> Files() => [.. Directory.EnumerateFiles(root.FullName, "*", SearchOption.AllDirectories)];
}
