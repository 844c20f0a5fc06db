using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using SupportDesk.Data.Attachments;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Tickets;
using SupportDesk.Web.Components.Attachments;
using SupportDesk.Web.Components.Common;
using TicketInput = SupportDesk.Data.Tickets.NewTicket;

namespace SupportDesk.Web.Components.Portal;

/// <summary>Collects a new ticket and hands it to <see cref="TicketCreation"/>, which owns every rule about it.</summary>
public sealed partial class NewTicket : IDisposable
{
    private static readonly string[] Categories = ["Billing", "Technical", "Account", "Shipping", "Feature request", "Other"];

    /// <summary>Fields with an input on this form; other errors (e.g. an inactive account) show below it.</summary>
    private static readonly string[] FormFields = ["title", "description", "priority", "category", "tags"];

    private readonly CancellationTokenSource lifetime = new();
    private string title = "";
    private string description = "";
    private TicketPriority priority = TicketPriority.Medium;
    private string? category;
    private string tags = "";
    private IReadOnlyList<IBrowserFile> files = [];
    private IReadOnlyList<FieldError> errors = [];
    private bool busy;

    [Inject]
    private AttachmentOptions AttachmentSettings { get; set; } = default!;

    [Inject]
    private RequestOrigin Origin { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private bool Has(string field) => errors.Any(e => e.Field == field);

    private string? For(string field) =>
        Has(field) ? string.Join(" ", errors.Where(e => e.Field == field).Select(e => e.Message)) : null;

    private static bool ShownBesideField(string field) => FormFields.Contains(field);

    private async Task SubmitAsync()
    {
        if (await AuthenticationState.ToActorAsync() is not { } actor)
        {
            return;
        }

        busy = true;
        errors = [];
        var created = false;
        try
        {
            var tagNames = tags.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var input = new TicketInput(title, description, priority, category, tagNames, Attachments: BrowserFiles.ToIncoming(files, AttachmentSettings.MaxFileBytes));
            var result = await Creation.CreateAsync(actor, input, Origin.For(actor), lifetime.Token);
            if (result.Value is { } ticket)
            {
                created = true;
                Snackbar.Add($"Ticket {ticket.Number} created", Severity.Success);
                Navigation.NavigateTo($"/tickets/{ticket.Number}");
                return;
            }

            errors = result.Errors;
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            // The page was left mid-operation; the transaction rolled back.
        }
        finally
        {
            // Once created, the form stays off until the ticket's page replaces it (the first ticket after a start can
            // take seconds to open): a second click would open the same ticket twice.
            busy = created;
        }
    }

    public void Dispose()
    {
        lifetime.Cancel();
        lifetime.Dispose();
    }
}
