using Microsoft.AspNetCore.Components;
using SupportDesk.Data.Access;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;

using SupportDesk.Web.Components.Common;

namespace SupportDesk.Web.Components.Tickets;

/// <summary>
/// The ticket page's side column. Customers get the facts and close/reopen; staff get editors for status,
/// assignee, priority, category, tags and custom fields. Every change carries the version the page showed, so a
/// change made meanwhile is reported with a Reload button and never overwritten; the services decide what is valid.
/// </summary>
public sealed partial class TicketSidePanel : IDisposable
{
    private const int CategoryMaxLength = Data.Tickets.Ticket.CategoryMaxLength;

    private readonly CancellationTokenSource lifetime = new();
    private IReadOnlyList<StaffOption>? staff;
    private TicketDetails? shown;
    private uint version;
    private bool busy;
    private int attempt;
    private string? conflict;
    private string? error;
    private IReadOnlyList<FieldError> fieldErrors = [];

    [Inject]
    private TicketAssignment Assignment { get; set; } = default!;

    [Inject]
    private RequestOrigin Origin { get; set; } = default!;

    [Inject]
    private TicketFieldChanges FieldChanges { get; set; } = default!;

    [Inject]
    private StaffList StaffList { get; set; } = default!;

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = default!;

    [Parameter, EditorRequired]
    public TicketDetails Ticket { get; set; } = default!;

    /// <summary>Raised when the page should load the ticket again: after a change, or when asked to after a conflict.</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (Actor.IsStaff)
        {
            try
            {
                staff = await StaffList.ActiveAsync(Actor, lifetime.Token);
            }
            catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
            {
                // The page was left while loading.
            }
        }
    }

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(Ticket, shown))
        {
            shown = Ticket;
            version = Ticket.Version;
        }
    }

    private Task AssignAsync(string? assigneeId) =>
        SaveAsync(ct => Assignment.AssignAsync(Actor, Ticket.Number, assigneeId, version, Origin.For(Actor), ct));

    private Task PriorityChangedAsync(TicketPriority priority) =>
        priority == Ticket.Priority ? Task.CompletedTask : UpdateAsync(new TicketFieldsUpdate(Priority: priority));

    private Task CategoryChangedAsync(string? category) =>
        (category ?? "").Trim() == (Ticket.Category ?? "") ? Task.CompletedTask : UpdateAsync(new TicketFieldsUpdate(Category: category ?? ""));

    private Task TagsChangedAsync(IReadOnlyList<string> tags) => UpdateAsync(new TicketFieldsUpdate(Tags: tags));

    private Task CustomFieldsChangedAsync(string json) => UpdateAsync(new TicketFieldsUpdate(CustomFields: json));

    private Task UpdateAsync(TicketFieldsUpdate update) =>
        SaveAsync(ct => FieldChanges.UpdateAsync(Actor, Ticket.Number, update, version, Origin.For(Actor), ct));

    private async Task SaveAsync(Func<CancellationToken, Task<ServiceResult<uint>>> change)
    {
        busy = true;
        conflict = null;
        error = null;
        fieldErrors = [];
        try
        {
            var result = await change(lifetime.Token);
            if (!result.Succeeded)
            {
                attempt++;
                fieldErrors = result.Errors;
                if (result.Conflict)
                {
                    conflict = result.Message;
                }
                else
                {
                    var elsewhere = result.Errors.Where(e => !ShownInPlace(e.Field)).Select(e => e.Message).ToList();
                    error = elsewhere.Count > 0 ? string.Join(" ", elsewhere) : null;
                }

                return;
            }

            version = result.Value;
            await Changed.InvokeAsync();
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            // The page was left mid-change; the transaction rolled back.
        }
        finally
        {
            busy = false;
        }
    }

    /// <summary>Fields whose editor shows its own message; the rest go to the panel's alert.</summary>
    private static bool ShownInPlace(string field) => field is "category" or "tags" or "customFields";

    private string? ErrorFor(string field) => fieldErrors.FirstOrDefault(e => e.Field == field)?.Message;

    private async Task ReloadAsync()
    {
        conflict = null;
        await Changed.InvokeAsync();
    }

    public void Dispose()
    {
        lifetime.Cancel();
        lifetime.Dispose();
    }
}
