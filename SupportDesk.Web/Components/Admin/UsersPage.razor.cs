using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SupportDesk.Data.Access;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Users;
using SupportDesk.Web.Components.Common;

namespace SupportDesk.Web.Components.Admin;

/// <summary>Translates the user grid's paging, filters and buttons into <see cref="UserAdministration"/> calls.</summary>
public sealed partial class UsersPage
{
    private const string AllRoles = "";

    private readonly CancellationTokenSource lifetime = new();
    private MudTable<UserRow>? table;
    private TableData<UserRow> shown = new() { Items = [], TotalItems = 0 };
    private Actor? actor;
    private string search = "";
    private string roleFilter = AllRoles;
    private bool busy;
    private int version;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override async Task OnInitializedAsync()
    {
        actor = await AuthenticationState.ToActorAsync();
    }

    private async Task<TableData<UserRow>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var query = new UserListQuery(state.Page, state.PageSize, search, roleFilter == AllRoles ? null : roleFilter);
        shown = await TableLoads.KeepLastIfCancelledAsync(
            async () =>
            {
                var result = await Administration.ListAsync(actor!, query, cancellationToken);
                if (result.Value is not { } page)
                {
                    Snackbar.Add(result.Message, Severity.Error);
                    return shown;
                }

                return new TableData<UserRow> { Items = page.Items, TotalItems = page.TotalCount };
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

    private async Task RoleFilterChangedAsync(string? role)
    {
        roleFilter = role ?? AllRoles;
        await ReloadAsync();
    }

    private async Task ChangeRoleAsync(UserRow user, string? role)
    {
        if (role is null || role == user.Role)
        {
            return;
        }

        var confirmed = await ConfirmAsync("Change role", $"Change the role of {user.FullName} to {role}? They will be signed out of open sessions.", "Change role");
        await RunAsync(confirmed, ct => Administration.ChangeRoleAsync(actor!, user.Id, role, ct), $"{user.FullName} is now {role}.");
    }

    private async Task SetActiveAsync(UserRow user)
    {
        if (user.IsActive)
        {
            var confirmed = await ConfirmAsync("Deactivate user", $"Deactivate {user.FullName}? They will be signed out and cannot log in until reactivated.", "Deactivate");
            await RunAsync(confirmed, ct => Administration.DeactivateAsync(actor!, user.Id, ct), $"{user.FullName} is deactivated.");
        }
        else
        {
            var confirmed = await ConfirmAsync("Reactivate user", $"Reactivate {user.FullName}? They will be able to log in again.", "Reactivate");
            await RunAsync(confirmed, ct => Administration.ReactivateAsync(actor!, user.Id, ct), $"{user.FullName} is active again.");
        }
    }

    private async Task CreateAsync()
    {
        var parameters = new DialogParameters<CreateUserDialog> { { d => d.Actor, actor } };
        var dialog = await Dialogs.ShowAsync<CreateUserDialog>("New user", parameters);
        if (await dialog.Result is { Canceled: false, Data: string name })
        {
            Snackbar.Add($"{name} can now log in.", Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task<bool> ConfirmAsync(string title, string message, string yes) =>
        await Dialogs.ShowMessageBoxAsync(new MessageBoxOptions { Title = title, Message = message, YesText = yes, CancelText = "Cancel" }) == true;

    private async Task RunAsync(bool confirmed, Func<CancellationToken, Task<ServiceResult>> operation, string success)
    {
        if (confirmed)
        {
            busy = true;
            try
            {
                var result = await operation(lifetime.Token);
                Snackbar.Add(result.Succeeded ? success : result.Message, result.Succeeded ? Severity.Success : Severity.Error);
            }
            catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
            {
                return; // the page was left mid-operation; the transaction rolled back
            }
            finally
            {
                busy = false;
            }
        }

        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        version++;
        if (table is not null)
        {
            await table.ReloadServerData();
        }
    }

    [CascadingParameter]
    private TimeZoneInfo? Zone { get; set; }

    private string Format(DateTime? utc) => utc is { } time ? UserTime.Format(time, Zone) : "Never";

    public void Dispose()
    {
        lifetime.Cancel();
        lifetime.Dispose();
    }
}
