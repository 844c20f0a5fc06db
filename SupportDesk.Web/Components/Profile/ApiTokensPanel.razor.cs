using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;
using SupportDesk.Data.Access;
using SupportDesk.Data.ApiTokens;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Web.Components.Common;

namespace SupportDesk.Web.Components.Profile;

/// <summary>The signed-in user's own API tokens: create one (its secret shown once, here), list them, revoke one.</summary>
public sealed partial class ApiTokensPanel : IDisposable
{
    private static readonly (int Days, string Label)[] ExpiryChoices = [(0, "Never"), (30, "In 30 days"), (90, "In 90 days"), (365, "In a year")];

    private readonly CancellationTokenSource lifetime = new();
    private Actor? actor;
    private IReadOnlyList<ApiTokenRow>? tokens;
    private CreatedApiToken? created;
    private IReadOnlyList<FieldError> errors = [];
    private string name = "";
    private int expiryDays = 90;
    private bool busy;

    [Inject]
    private ApiTokenService Tokens { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override async Task OnInitializedAsync()
    {
        actor = await AuthenticationState.ToActorAsync();
        await RunAsync(LoadAsync);
    }

    private bool Has(string field) => errors.Any(e => e.Field == field);

    private string? For(string field) =>
        Has(field) ? string.Join(" ", errors.Where(e => e.Field == field).Select(e => e.Message)) : null;

    private bool IsExpired(ApiTokenRow token) => token.ExpiresAt <= Clock.GetUtcNow().UtcDateTime;

    [CascadingParameter]
    private TimeZoneInfo? Zone { get; set; }

    private string Format(DateTime? utc, string none) => utc is { } time ? UserTime.Format(time, Zone) : none;

    private Task CreateAsync() => RunAsync(async () =>
    {
        created = null;
        DateTime? expires = expiryDays == 0 ? null : Clock.GetUtcNow().UtcDateTime.AddDays(expiryDays);
        var result = await Tokens.CreateAsync(actor!, new NewApiToken(name, expires), lifetime.Token);
        errors = result.Errors;
        if (result.Value is { } token)
        {
            created = token;
            name = "";
            await LoadAsync();
        }
    });

    private async Task RevokeAsync(ApiTokenRow token)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(new MessageBoxOptions
        {
            Title = "Revoke token",
            Message = $"Revoke the token \"{token.Name}\"? Anything that uses it stops working at once.",
            YesText = "Revoke",
            CancelText = "Cancel",
        });
        if (confirmed != true)
        {
            return;
        }

        await RunAsync(async () =>
        {
            var result = await Tokens.RevokeAsync(actor!, token.Id, lifetime.Token);
            Snackbar.Add(result.Succeeded ? $"The token \"{token.Name}\" is revoked." : result.Message, result.Succeeded ? Severity.Success : Severity.Error);
            await LoadAsync();
        });
    }

    private async Task CopyAsync()
    {
        try
        {
            await Js.InvokeVoidAsync("navigator.clipboard.writeText", created!.Secret);
            Snackbar.Add("Token copied.", Severity.Info);
        }
        catch (JSException)
        {
            // Browsers refuse the clipboard outside HTTPS or without permission; the field can still be copied by hand.
            Snackbar.Add("Copying failed; select the token and copy it yourself.", Severity.Warning);
        }
    }

    private async Task LoadAsync()
    {
        if (actor is not null)
        {
            tokens = await Tokens.ListAsync(actor, lifetime.Token);
        }
    }

    private async Task RunAsync(Func<Task> operation)
    {
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
