using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SupportDesk.Data.Access;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Tickets;
using SupportDesk.Web.Components.Common;

namespace SupportDesk.Web.Components.Admin;

/// <summary>Translates the trash grid's paging and buttons into <see cref="TicketTrash"/> calls.</summary>
public sealed partial class TrashPage
{
    private readonly CancellationTokenSource lifetime = new();
    private MudTable<TrashedTicket>? table;
    private TableData<TrashedTicket> shown = new() { Items = [], TotalItems = 0 };
    private Actor? actor;
    private bool busy;

    [Inject]
    private TicketTrash Trash { get; set; } = default!;

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
    }

    private async Task<TableData<TrashedTicket>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        shown = await TableLoads.KeepLastIfCancelledAsync(
            async () =>
            {
                var result = await Trash.ListAsync(actor!, new TrashQuery(state.Page, state.PageSize), cancellationToken);
                if (result.Value is not { } page)
                {
                    Snackbar.Add(result.Message, Severity.Error);
                    return shown;
                }

                return new TableData<TrashedTicket> { Items = page.Items, TotalItems = page.TotalCount };
            },
            shown,
            cancellationToken);
        return shown;
    }

    private Task RestoreAsync(TrashedTicket ticket) =>
        RunAsync(ct => Trash.RestoreAsync(actor!, ticket.Number, Origin.For(actor!), ct), $"{ticket.Number} is back in the ticket list.");

    private async Task DeleteAsync(TrashedTicket ticket)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(new MessageBoxOptions
        {
            Title = "Delete permanently",
            Message = $"Delete {ticket.Number} “{ticket.Title}” for good? Its {Count(ticket.CommentCount, "comment")} and "
                + $"{Count(ticket.AttachmentCount, "attachment")} are deleted with it. This cannot be undone.",
            YesText = "Delete permanently",
            CancelText = "Cancel",
        }) == true;
        if (confirmed)
        {
            await RunAsync(ct => Trash.DeletePermanentlyAsync(actor!, ticket.Number, Origin.For(actor!), ct), $"{ticket.Number} is deleted for good.");
        }
    }

    private async Task RunAsync(Func<CancellationToken, Task<ServiceResult<string>>> operation, string success)
    {
        busy = true;
        try
        {
            var result = await operation(lifetime.Token);
            Snackbar.Add(result.Succeeded ? success : result.Message, result.Succeeded ? Severity.Success : Severity.Error);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            return; // the page was left mid-operation; nothing was saved
        }
        finally
        {
            busy = false;
        }

        if (table is not null)
        {
            await table.ReloadServerData();
        }
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    public void Dispose()
    {
        lifetime.Cancel();
        lifetime.Dispose();
    }
}
