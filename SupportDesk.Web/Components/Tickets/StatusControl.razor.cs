using Microsoft.AspNetCore.Components;
using SupportDesk.Data.Access;
using SupportDesk.Data.Tickets;
using SupportDesk.Web.Components.Common;

namespace SupportDesk.Web.Components.Tickets;

/// <summary>
/// Status changes for the shown ticket: any status for staff, close and reopen for customers (the service
/// enforces the same). The shown version goes along, so a change made meanwhile is reported, not overwritten.
/// </summary>
public sealed partial class StatusControl : IDisposable
{
    private readonly CancellationTokenSource lifetime = new();
    private bool busy;
    private int attempt;
    private string? conflict;
    private string? error;

    [Inject]
    private TicketStatusChanges StatusChanges { get; set; } = default!;

    [Inject]
    private RequestOrigin Origin { get; set; } = default!;

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = default!;

    [Parameter, EditorRequired]
    public TicketDetails Ticket { get; set; } = default!;

    /// <summary>Raised when the page should load the ticket again: after a change, or when asked to after a conflict.</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    private async Task ChangeAsync(TicketStatus status)
    {
        if (status == Ticket.Status)
        {
            return;
        }

        attempt++;
        busy = true;
        conflict = null;
        error = null;
        try
        {
            var result = await StatusChanges.ChangeAsync(Actor, Ticket.Number, status, Ticket.Version, Origin.For(Actor), lifetime.Token);
            if (result.Conflict)
            {
                conflict = result.Message;
                return;
            }

            if (!result.Succeeded)
            {
                error = result.Message;
                return;
            }
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            return; // the page was left mid-change; nothing was saved
        }
        finally
        {
            busy = false;
        }

        await Changed.InvokeAsync();
    }

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
