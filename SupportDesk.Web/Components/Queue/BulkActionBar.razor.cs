using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SupportDesk.Data.Access;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Users;
using SupportDesk.Web.Components.Common;

namespace SupportDesk.Web.Components.Queue;

/// <summary>Translates the bar's controls into <see cref="BulkActions"/> calls on the selection, asking first before anything is lost.</summary>
public sealed partial class BulkActionBar : IDisposable
{
    private readonly CancellationTokenSource lifetime = new();
    private IReadOnlyList<StaffOption> staff = [];
    private IReadOnlyList<string> errors = [];
    private bool busy;
    private string? tags;
    private string? fieldName;
    private string? fieldValue;

    [Inject]
    private BulkActions Bulk { get; set; } = default!;

    [Inject]
    private StaffList StaffList { get; set; } = default!;

    [Inject]
    private RequestOrigin Origin { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = default!;

    [Parameter, EditorRequired]
    public BulkSelection Selection { get; set; } = default!;

    /// <summary>Offers restore and permanent delete (admins, when the queue shows deleted tickets).</summary>
    [Parameter]
    public bool TrashActions { get; set; }

    /// <summary>Raised after an action changed tickets.</summary>
    [Parameter]
    public EventCallback Done { get; set; }

    private IReadOnlyList<string> TagList => [.. (tags ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    protected override async Task OnInitializedAsync()
    {
        try
        {
            staff = await StaffList.ActiveAsync(Actor, lifetime.Token);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            // The bar went away while loading.
        }
    }

    private Task MergeFieldAsync(string? value) =>
        RunAsync((bulk, target, source, ct) => bulk.MergeCustomFieldsAsync(Actor, target, new Dictionary<string, string?> { [fieldName ?? ""] = value }, source, ct));

    private async Task TrashAsync()
    {
        if (await ConfirmAsync("Move to trash", $"Move {Selection.Live} to the trash? They leave every queue until an admin restores them.", "Move to trash"))
        {
            await RunAsync((bulk, target, source, ct) => bulk.SoftDeleteAsync(Actor, target, source, ct));
        }
    }

    private Task RestoreAsync() => RunAsync((bulk, target, source, ct) => bulk.RestoreAsync(Actor, target, source, ct));

    private async Task DeletePermanentlyAsync()
    {
        var message = $"Permanently delete {Selection.Deleted} with their comments and attachments? This cannot be undone.";
        if (await ConfirmAsync("Delete permanently", message, "Delete permanently"))
        {
            await RunAsync((bulk, target, source, ct) => bulk.DeletePermanentlyAsync(Actor, target, source, ct));
        }
    }

    private async Task<bool> ConfirmAsync(string title, string message, string yes) =>
        await Dialogs.ShowMessageBoxAsync(new MessageBoxOptions { Title = title, Message = message, YesText = yes, CancelText = "Cancel" }) == true;

    private async Task RunAsync(Func<BulkActions, BulkTarget, AuditSource, CancellationToken, Task<ServiceResult<int>>> action)
    {
        busy = true;
        errors = [];
        try
        {
            var result = await action(Bulk, Selection.Target, Origin.For(Actor), lifetime.Token);
            if (!result.Succeeded)
            {
                errors = [.. result.Errors.Select(e => e.Message)];
                Snackbar.Add(result.Message, Severity.Error);
                return;
            }

            Snackbar.Add(string.Create(CultureInfo.InvariantCulture, $"Changed {result.Value:N0} {(result.Value == 1 ? "ticket" : "tickets")}"), Severity.Success);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            return; // the page was left mid-action; its transaction was rolled back
        }
        finally
        {
            busy = false;
        }

        await Done.InvokeAsync();
    }

    public void Dispose()
    {
        lifetime.Cancel();
        lifetime.Dispose();
    }
}
