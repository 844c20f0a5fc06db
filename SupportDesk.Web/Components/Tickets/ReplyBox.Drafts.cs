using Microsoft.AspNetCore.Components;
using SupportDesk.Data.Drafts;

namespace SupportDesk.Web.Components.Tickets;

/// <summary>
/// The reply box's draft: loaded when a ticket opens, saved on the server every few seconds while the text changes,
/// so a lost connection or a restart loses nothing typed. The timer runs on the injected clock, so tests move it.
/// </summary>
public sealed partial class ReplyBox
{
    internal static readonly TimeSpan AutosaveInterval = TimeSpan.FromSeconds(3);

    private string? draftNumber;
    private string savedContent = "";
    private bool savedInternal;
    private string? draftStatus;
    private Task draftSave = Task.CompletedTask;

    [Inject]
    private ReplyDrafts Drafts { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ILogger<ReplyBox> Logger { get; set; } = default!;

    private Task DraftSaved => draftSave;

    protected override void OnInitialized() => _ = AutosaveAsync();

    protected override async Task OnParametersSetAsync()
    {
        if (draftNumber == Number)
        {
            return;
        }

        draftNumber = Number;
        try
        {
            var draft = await Drafts.GetAsync(Actor, Number, lifetime.Token);
            (content, isInternal) = (draft?.Content ?? "", draft?.IsInternal ?? false);
            (savedContent, savedInternal) = (content, isInternal);
            draftStatus = draft is null ? null : "Draft restored";
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            // The page was left while loading.
        }
    }

    private async Task AutosaveAsync()
    {
        using var timer = new PeriodicTimer(AutosaveInterval, Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(lifetime.Token))
            {
                await InvokeAsync(() => draftSave = SaveDraftAsync());
            }
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            // The box is gone; whatever was typed since the last tick is at most a few seconds.
        }
    }

    private async Task SaveDraftAsync()
    {
        if (sending || draftNumber is null || (content == savedContent && isInternal == savedInternal))
        {
            return;
        }

        var (text, note) = (content, isInternal);
        try
        {
            var result = await Drafts.SaveAsync(Actor, draftNumber, text, note, lifetime.Token);
            (savedContent, savedInternal) = (text, note);
            draftStatus = result.Succeeded ? (result.Value is null ? null : "Draft saved") : "Draft not saved: " + result.Message;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failed autosave must not end the circuit and take the typed text with it; the next tick tries again.
            DraftSaveFailed(Logger, draftNumber, ex);
            draftStatus = "Draft not saved";
        }

        StateHasChanged();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saving the reply draft of ticket {Number} failed")]
    private static partial void DraftSaveFailed(ILogger logger, string number, Exception exception);

    /// <summary>After a post the service has removed the draft; nothing typed is left to save.</summary>
    private void ForgetDraft() => (savedContent, savedInternal, draftStatus) = ("", false, null);
}
