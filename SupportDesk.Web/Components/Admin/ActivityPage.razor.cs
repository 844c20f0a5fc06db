using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SupportDesk.Data.Access;
using SupportDesk.Data.Audit;
using SupportDesk.Web.Components.Common;

namespace SupportDesk.Web.Components.Admin;

/// <summary>
/// The audit trail for admins: what one user did (from the users page) or what anyone did, since a chosen day
/// (UTC), paged in <see cref="UserActivity"/>.
/// </summary>
public sealed partial class ActivityPage
{
    private static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(30);

    private MudTable<ActivityRow>? table;
    private TableData<ActivityRow> shown = new() { Items = [], TotalItems = 0 };
    private Actor? actor;
    private DateTime? since;
    private string? userName;
    private string? shownUserId;
    private bool missing;

    [Inject]
    private UserActivity Activity { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The user whose activity is shown; everyone's when absent.</summary>
    [Parameter]
    public string? UserId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private DateTime Today => Clock.GetUtcNow().UtcDateTime.Date;

    protected override async Task OnInitializedAsync()
    {
        since = Today - DefaultPeriod;
        actor = await AuthenticationState.ToActorAsync();
    }

    protected override async Task OnParametersSetAsync()
    {
        // The same page instance serves another user's address: show that user's entries.
        if (shownUserId != UserId)
        {
            (shownUserId, userName) = (UserId, null);
            await ReloadAsync();
        }
    }

    private async Task<TableData<ActivityRow>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var query = new ActivityQuery(UserId, DateTime.SpecifyKind((since ?? Today).Date, DateTimeKind.Utc), state.Page, state.PageSize);
        shown = await TableLoads.KeepLastIfCancelledAsync(
            async () =>
            {
                var result = await Activity.ListAsync(actor!, query, cancellationToken);
                missing = result.NotFound;
                if (result.Value is not { } page)
                {
                    Snackbar.Add(result.Message, Severity.Error);
                    return new TableData<ActivityRow> { Items = [], TotalItems = 0 };
                }

                if (userName != page.UserName)
                {
                    // The heading lives outside the table, which re-renders only itself after a load.
                    userName = page.UserName;
                    StateHasChanged();
                }

                return new TableData<ActivityRow> { Items = page.Items, TotalItems = page.TotalCount };
            },
            shown,
            cancellationToken);
        return shown;
    }

    private async Task SinceChangedAsync(DateTime? date)
    {
        since = date;
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
