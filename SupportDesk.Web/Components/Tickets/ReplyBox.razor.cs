using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using SupportDesk.Data.Access;
using SupportDesk.Data.Attachments;
using SupportDesk.Data.Comments;
using SupportDesk.Web.Components.Attachments;
using SupportDesk.Web.Components.Common;

namespace SupportDesk.Web.Components.Tickets;

/// <summary>
/// Composes one reply or internal note and posts it through <see cref="TicketComments"/>; what is typed is kept as a
/// server-side draft meanwhile (see ReplyBox.Drafts.cs).
/// </summary>
public sealed partial class ReplyBox : IDisposable
{
    private readonly CancellationTokenSource lifetime = new();

    // One id per composed text: a resend after a lost answer is recognised by the service instead of posted twice.
    private Guid submissionId = Guid.NewGuid();
    private string content = "";
    private bool isInternal;
    private bool sending;
    private string? error;
    private IReadOnlyList<IBrowserFile> files = [];

    [Inject]
    private TicketComments Comments { get; set; } = default!;

    [Inject]
    private AttachmentOptions AttachmentSettings { get; set; } = default!;

    [Inject]
    private RequestOrigin Origin { get; set; } = default!;

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = default!;

    [Parameter, EditorRequired]
    public string Number { get; set; } = "";

    /// <summary>Raised after the comment is stored, so the page can show it in the thread.</summary>
    [Parameter]
    public EventCallback Posted { get; set; }

    private async Task SendAsync()
    {
        sending = true;
        error = null;
        try
        {
            // A draft save still on its way must land before the post, which then removes the draft with it.
            await DraftSaved;
            var input = new NewComment(content, isInternal, submissionId, BrowserFiles.ToIncoming(files, AttachmentSettings.MaxFileBytes));
            var result = await Comments.AddAsync(Actor, Number, input, Origin.For(Actor), lifetime.Token);
            if (!result.Succeeded)
            {
                error = result.Message;
                return;
            }

            content = "";
            files = [];
            isInternal = false;
            submissionId = Guid.NewGuid();
            ForgetDraft();
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            return; // the page was left mid-post; the same id would be recognised on a retry
        }
        finally
        {
            sending = false;
        }

        await Posted.InvokeAsync();
    }

    public void Dispose()
    {
        lifetime.Cancel();
        lifetime.Dispose();
    }
}
