using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SupportDesk.Data.Access;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Views;
using SupportDesk.Web.Components.Common;

namespace SupportDesk.Web.Components.Queue;

/// <summary>
/// "Save view" keeps the queue's current address under a name; "Views" lists the user's views and the team's,
/// opens one, and lets its owner rename it, point it at the current filters, share it or delete it.
/// </summary>
public sealed partial class SavedViewsMenu : IDisposable
{
    private readonly CancellationTokenSource lifetime = new();
    private Actor? actor;
    private IReadOnlyList<SavedViewRow>? views;
    private bool busy;

    [Inject]
    private SavedViews Views { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private RequestOrigin Origin { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private string CurrentQuery => new Uri(Navigation.Uri).Query.TrimStart('?');

    protected override async Task OnInitializedAsync() => actor = await AuthenticationState.ToActorAsync();

    /// <summary>Read when the menu opens, so views colleagues shared since the page loaded are there.</summary>
    private Task OpenChangedAsync(bool open) => open ? RunAsync(LoadAsync) : Task.CompletedTask;

    private async Task SaveAsync()
    {
        var parameters = new DialogParameters<SaveViewDialog>
        {
            { d => d.Actor, actor },
            { d => d.Query, CurrentQuery },
        };
        var dialog = await Dialogs.ShowAsync<SaveViewDialog>("Save view", parameters);
        if (await dialog.Result is { Canceled: false, Data: SavedViewRow saved })
        {
            Snackbar.Add($"The view \"{saved.Name}\" is saved.", Severity.Success);
            await RunAsync(LoadAsync);
        }
    }

    private void Open(SavedViewRow view) =>
        Navigation.NavigateTo(view.Query.Length == 0 ? QueueUrl.Path : $"{QueueUrl.Path}?{view.Query}");

    private async Task RenameAsync(SavedViewRow view)
    {
        var parameters = new DialogParameters<SaveViewDialog> { { d => d.Actor, actor }, { d => d.View, view } };
        var dialog = await Dialogs.ShowAsync<SaveViewDialog>("Rename view", parameters);
        if (await dialog.Result is { Canceled: false })
        {
            await RunAsync(LoadAsync);
        }
    }

    private Task UpdateQueryAsync(SavedViewRow view) => RunAsync(async () =>
    {
        var result = await Views.UpdateQueryAsync(actor!, view.Id, CurrentQuery, Origin.For(actor!), lifetime.Token);
        Report(result, $"\"{view.Name}\" now shows the current filters.");
        await LoadAsync();
    });

    private Task ToggleSharedAsync(SavedViewRow view) => RunAsync(async () =>
    {
        var result = await Views.SetSharedAsync(actor!, view.Id, !view.IsShared, Origin.For(actor!), lifetime.Token);
        Report(result, view.IsShared ? $"\"{view.Name}\" is private again." : $"\"{view.Name}\" is shared with the team.");
        await LoadAsync();
    });

    private async Task DeleteAsync(SavedViewRow view)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(new MessageBoxOptions
        {
            Title = "Delete view",
            Message = view.IsShared
                ? $"Delete the view \"{view.Name}\"? The team loses it too."
                : $"Delete the view \"{view.Name}\"?",
            YesText = "Delete",
            CancelText = "Cancel",
        });
        if (confirmed != true)
        {
            return;
        }

        await RunAsync(async () =>
        {
            Report(await Views.DeleteAsync(actor!, view.Id, Origin.For(actor!), lifetime.Token), $"The view \"{view.Name}\" is deleted.");
            await LoadAsync();
        });
    }

    private void Report(ServiceResult result, string success) =>
        Snackbar.Add(result.Succeeded ? success : result.Message, result.Succeeded ? Severity.Success : Severity.Error);

    private async Task LoadAsync() => views = await Views.ListAsync(actor!, lifetime.Token);

    private async Task RunAsync(Func<Task> operation)
    {
        if (actor is null)
        {
            return;
        }

        busy = true;
        try
        {
            await operation();
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            // The page was left mid-operation.
        }
        finally
        {
            busy = false;
        }
    }

    public void Dispose()
    {
        lifetime.Cancel();
        lifetime.Dispose();
    }
}
