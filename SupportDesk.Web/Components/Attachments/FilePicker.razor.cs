using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using SupportDesk.Data.Attachments;

namespace SupportDesk.Web.Components.Attachments;

/// <summary>
/// Chooses files to send with a ticket or reply and shows them with their sizes. Only the browser's
/// description of each file lives here; the bytes are read when the form is sent. Files the browser
/// already reports as too large are refused at once, with a message, instead of being uploaded.
/// </summary>
public sealed partial class FilePicker
{
    private IReadOnlyList<string> refused = [];

    [Inject]
    private AttachmentOptions Options { get; set; } = default!;

    /// <summary>The chosen files; choosing again replaces them (the browser forgets the earlier choice).</summary>
    [Parameter]
    public IReadOnlyList<IBrowserFile> Files { get; set; } = [];

    [Parameter]
    public EventCallback<IReadOnlyList<IBrowserFile>> FilesChanged { get; set; }

    /// <summary>Unique on the page: the visible button is a label for the hidden file input.</summary>
    [Parameter, EditorRequired]
    public string InputId { get; set; } = "";

    [Parameter]
    public bool Disabled { get; set; }

    private string Hint => $"Up to {AttachmentUploads.MaxFilesPerSubmission} files, each at most {FileSizes.Format(Options.MaxFileBytes)}.";

    private async Task ChooseAsync(InputFileChangeEventArgs e)
    {
        var limit = Options.MaxFileBytes;
        if (e.FileCount > AttachmentUploads.MaxFilesPerSubmission)
        {
            refused = [$"Choose at most {AttachmentUploads.MaxFilesPerSubmission} files at once."];
            await FilesChanged.InvokeAsync([]);
            return;
        }

        var files = e.GetMultipleFiles(AttachmentUploads.MaxFilesPerSubmission);
        refused = files.Where(f => f.Size > limit)
            .Select(f => $"{f.Name} is {FileSizes.Format(f.Size)}, more than the {FileSizes.Format(limit)} limit for attachments, so it was not added.")
            .ToList();
        await FilesChanged.InvokeAsync(files.Where(f => f.Size <= limit).ToList());
    }

    private Task RemoveAsync(IBrowserFile file) => FilesChanged.InvokeAsync(Files.Where(f => f != file).ToList());
}
