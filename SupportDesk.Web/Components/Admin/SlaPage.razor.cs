using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SupportDesk.Data.Access;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Sla;
using SupportDesk.Web.Components.Common;

namespace SupportDesk.Web.Components.Admin;

/// <summary>Translates the policy list, its editor and its buttons into <see cref="SlaPolicies"/> calls.</summary>
public sealed partial class SlaPage : IDisposable
{
    private readonly CancellationTokenSource lifetime = new();
    private IReadOnlyList<SlaPolicyView>? policies;
    private SlaPolicyForm? form;
    private IReadOnlyList<FieldError> errors = [];
    private Actor? actor;
    private bool busy;

    [Inject]
    private SlaPolicies Policies { get; set; } = default!;

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

    private async Task LoadAsync()
    {
        if (actor is null)
        {
            return;
        }

        var result = await Policies.ListAsync(actor, lifetime.Token);
        if (!result.Succeeded)
        {
            Snackbar.Add(result.Message, Severity.Error);
        }

        policies = result.Value ?? [];
    }

    private void Edit(SlaPolicyView policy) => (form, errors) = (SlaPolicyForm.Edit(policy), []);

    private void New() => (form, errors) = (SlaPolicyForm.New(), []);

    private async Task SaveAsync()
    {
        if (actor is null || form is null)
        {
            return;
        }

        var parsing = new List<FieldError>();
        if (form.ToInput(parsing) is not { } input)
        {
            errors = parsing;
            return;
        }

        await RunAsync(async () =>
        {
            if (form.Id is null)
            {
                var affected = (await Policies.AffectedAsync(actor, null, input.Category, lifetime.Token)).Value;
                if (!string.IsNullOrWhiteSpace(input.Category) && !await ConfirmAsync(
                    "Create policy", $"Create \"{input.Name}\" for category \"{input.Category?.Trim()}\"? Due times of {Tickets(affected)} will be recomputed.", "Create policy"))
                {
                    return;
                }
            }

            var result = form.Id is { } id
                ? await Policies.UpdateAsync(actor, id, input, Origin.For(actor), lifetime.Token)
                : await Policies.CreateAsync(actor, input, Origin.For(actor), lifetime.Token);
            errors = result.Errors;
            if (result.Succeeded)
            {
                Snackbar.Add($"Policy \"{input.Name.Trim()}\" saved; the due times of its open tickets are up to date.", Severity.Success);
                form = null;
                await LoadAsync();
            }
        });
    }

    private Task DeleteAsync(SlaPolicyView policy) => RunAsync(async () =>
    {
        if (actor is null || !await ConfirmAsync(
            "Delete policy",
            $"Delete \"{policy.Name}\"? Its {Tickets(policy.OpenTickets)} will be measured by the default policy and their due times recomputed.",
            "Delete policy"))
        {
            return;
        }

        var result = await Policies.DeleteAsync(actor, policy.Id, Origin.For(actor), lifetime.Token);
        Snackbar.Add(result.Succeeded ? $"Policy \"{policy.Name}\" deleted." : result.Message, result.Succeeded ? Severity.Success : Severity.Error);
        form = form?.Id == policy.Id ? null : form;
        await LoadAsync();
    });

    private async Task<bool> ConfirmAsync(string title, string message, string yes) =>
        await Dialogs.ShowMessageBoxAsync(new MessageBoxOptions { Title = title, Message = message, YesText = yes, CancelText = "Cancel" }) == true;

    private async Task RunAsync(Func<Task> work)
    {
        busy = true;
        try
        {
            await work();
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            // The page was left mid-change; the transaction was not committed.
        }
        finally
        {
            busy = false;
        }
    }

    private bool Has(string field) => errors.Any(e => e.Field == field);

    private string? ErrorOf(string field) =>
        errors.Where(e => e.Field == field).Select(e => e.Message).DefaultIfEmpty().Aggregate((a, b) => a is null ? b : $"{a} {b}");

    private static string Tickets(int count) => count == 1 ? "1 open ticket" : $"{count} open tickets";

    public void Dispose()
    {
        lifetime.Cancel();
        lifetime.Dispose();
    }
}
