using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.WebUtilities;
using MudBlazor;
using SupportDesk.Data.Access;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Tags;
using SupportDesk.Web.Components.Common;

namespace SupportDesk.Web.Components.Admin;

/// <summary>Translates the tag list, its dialogs and buttons into <see cref="TagCatalog"/> calls.</summary>
public sealed partial class TagsPage
{
    private readonly CancellationTokenSource lifetime = new();
    private IReadOnlyList<TagRow>? tags;
    private TagStatistics? statistics;
    private TagSort sort = TagSort.Name;
    private Actor? actor;
    private bool busy;

    [Inject]
    private TagCatalog Catalog { get; set; } = default!;

    [Inject]
    private RequestOrigin Origin { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override async Task OnInitializedAsync()
    {
        actor = await AuthenticationState.ToActorAsync();
        await LoadAsync();
    }

    /// <summary>Reads the list again, and the figures of the tag shown, which a change may have moved or removed.</summary>
    private async Task LoadAsync()
    {
        if (actor is null)
        {
            return;
        }

        var result = await Catalog.ListAsync(actor, sort, lifetime.Token);
        Report(result, success: null);
        tags = result.Value ?? [];
        if (statistics is { } shown)
        {
            statistics = tags.Any(t => t.Id == shown.TagId) ? (await Catalog.StatisticsAsync(actor, shown.TagId, lifetime.Token)).Value : null;
        }
    }

    private async Task SortChangedAsync(TagSort value)
    {
        sort = value;
        await LoadAsync();
    }

    private async Task ShowStatisticsAsync(TagRow tag)
    {
        var result = await Catalog.StatisticsAsync(actor!, tag.Id, lifetime.Token);
        Report(result, success: null);
        statistics = result.Value;
    }

    private Task CreateAsync() => EditAsync(null);

    private async Task EditAsync(TagRow? tag)
    {
        var parameters = new DialogParameters<TagEditDialog> { { d => d.Actor, actor }, { d => d.Existing, tag } };
        var dialog = await Dialogs.ShowAsync<TagEditDialog>(tag is null ? "New tag" : $"Edit tag \"{tag.Name}\"", parameters);
        if (await dialog.Result is { Canceled: false, Data: string name })
        {
            Snackbar.Add(tag is null ? $"Tag \"{name}\" is created." : $"Tag \"{name}\" is saved.", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task MergeAsync(TagRow tag)
    {
        var parameters = new DialogParameters<TagMergeDialog>
        {
            { d => d.Actor, actor },
            { d => d.Source, tag },
            { d => d.Targets, tags!.Where(t => t.Id != tag.Id).ToList() },
        };
        var dialog = await Dialogs.ShowAsync<TagMergeDialog>($"Merge tag \"{tag.Name}\"", parameters);
        if (await dialog.Result is { Canceled: false, Data: string into })
        {
            Snackbar.Add($"Tag \"{tag.Name}\" is merged into \"{into}\".", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task DeleteAsync(TagRow tag)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(new MessageBoxOptions
        {
            Title = "Delete tag",
            Message = $"Delete tag \"{tag.Name}\"? It will be removed from {Tickets(tag.TicketCount)}. The tickets themselves stay.",
            YesText = "Delete tag",
            CancelText = "Cancel",
        }) == true;
        if (!confirmed)
        {
            return;
        }

        busy = true;
        try
        {
            Report(await Catalog.DeleteAsync(actor!, tag.Id, Origin.For(actor!), lifetime.Token), $"Tag \"{tag.Name}\" is deleted.");
            await LoadAsync();
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            // The page was left mid-operation; the transaction rolled back.
        }
        finally
        {
            busy = false;
        }
    }

    /// <summary>A refusal as an error; a success as <paramref name="success"/>, when there is something to say.</summary>
    private void Report(ServiceResult result, string? success)
    {
        if (!result.Succeeded)
        {
            Snackbar.Add(result.Message, Severity.Error);
        }
        else if (success is not null)
        {
            Snackbar.Add(success, Severity.Success);
        }
    }

    internal static string Tickets(int count) =>
        count == 1 ? "1 ticket" : string.Create(CultureInfo.InvariantCulture, $"{count:N0} tickets");

    private static string QueueLink(string name) => QueryHelpers.AddQueryString("/tickets", "tag", name);

    public void Dispose()
    {
        lifetime.Cancel();
        lifetime.Dispose();
    }
}
