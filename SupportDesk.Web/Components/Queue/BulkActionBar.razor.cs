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

    /// <summary>How the questions name the tickets: a selection of every match says so, since it reaches past the page.</summary>
    private string Reached => Selection.Target.Filter is null ? Selection.Live : $"{Selection.Live} matching this filter";

    private string TagPhrase => TagList.Count == 1 ? $"the tag \"{TagList[0]}\"" : $"the tags {string.Join(", ", TagList.Select(t => $"\"{t}\""))}";

    private Task AddTagsAsync() =>
        ChangeAsync("Add tags", n => $"Add {TagPhrase} to {n}?", (bulk, target, source, ct) => bulk.AddTagsAsync(Actor, target, TagList, source, ct));

    // Removing loses what was there, so it always asks (unless there is nothing to remove, which the service explains).
    private Task RemoveTagsAsync() =>
        ChangeAsync("Remove tags", n => $"Remove {TagPhrase} from {n}?", (bulk, target, source, ct) => bulk.RemoveTagsAsync(Actor, target, TagList, source, ct), loses: TagList.Count > 0);

    private Task SetFieldAsync() =>
        ChangeAsync("Set field", n => $"Set the field \"{fieldName}\" to \"{fieldValue}\" on {n}? Values it has there now are replaced.", MergeField(fieldValue ?? ""));

    private Task RemoveFieldAsync() =>
        ChangeAsync("Remove field", n => $"Remove the field \"{fieldName}\" and its values from {n}?", MergeField(null), loses: !string.IsNullOrWhiteSpace(fieldName));

    private Func<BulkActions, BulkTarget, AuditSource, CancellationToken, Task<ServiceResult<int>>> MergeField(string? value) =>
        (bulk, target, source, ct) => bulk.MergeCustomFieldsAsync(Actor, target, new Dictionary<string, string?> { [fieldName ?? ""] = value }, source, ct);

    /// <summary>
    /// Runs a change, first asking (with the question <paramref name="question"/> builds from the tickets it reaches) when it
    /// loses data or reaches every ticket matching the filter, most of which the person cannot see on the page.
    /// </summary>
    private async Task ChangeAsync(
        string title, Func<string, string> question, Func<BulkActions, BulkTarget, AuditSource, CancellationToken, Task<ServiceResult<int>>> action, bool loses = false)
    {
        if ((loses || Selection.Target.Filter is not null) && !await ConfirmAsync(title, question(Reached), title))
        {
            return;
        }

        await RunAsync(action);
    }

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
        // Show the progress before the work starts: after a confirmation the click's own render is long past, and on
        // SQLite the work runs synchronously, so without yielding the page would only see it once it is over.
        StateHasChanged();
        await Task.Yield();
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
