using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SupportDesk.Data.Access;
using SupportDesk.Data.Tickets;
using SupportDesk.Web.Components.Common;

namespace SupportDesk.Web.Components.Tickets;

/// <summary>
/// The tickets the signed-in user may see, paged in <see cref="TicketQueries"/>; the visibility rule
/// decides whose tickets those are, so customers and staff share this list.
/// </summary>
public sealed partial class TicketList
{
    private MudTable<TicketRow>? table;
    private TableData<TicketRow> shown = new() { Items = [], TotalItems = 0 };
    private Actor? actor;
    private string search = "";
    private List<TicketStatus> statuses = [];

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override async Task OnInitializedAsync()
    {
        actor = await AuthenticationState.ToActorAsync();
    }

    private async Task<TableData<TicketRow>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var query = new TicketListQuery(state.Page, state.PageSize, search, statuses.Count == 0 ? null : [.. statuses]);
        shown = await TableLoads.KeepLastIfCancelledAsync(
            async () =>
            {
                var page = await Queries.ListAsync(actor!, query, cancellationToken);
                return new TableData<TicketRow> { Items = page.Items, TotalItems = page.TotalCount };
            },
            shown,
            cancellationToken);
        return shown;
    }

    private async Task SearchChangedAsync(string? text)
    {
        search = text ?? "";
        await ReloadAsync();
    }

    private async Task StatusesChangedAsync(IEnumerable<TicketStatus>? selected)
    {
        statuses = selected?.ToList() ?? [];
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        if (table is not null)
        {
            await table.ReloadServerData();
        }
    }
}
