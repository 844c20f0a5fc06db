using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using SupportDesk.Data.Access;
using SupportDesk.Data.Sla;
using SupportDesk.Data.Tickets;
using SupportDesk.Web.Components.Common;

namespace SupportDesk.Web.Components.Tickets;

/// <summary>One ticket with its timeline; replying and status changes live in their own components.</summary>
public sealed partial class TicketPage : IDisposable
{
    private readonly CancellationTokenSource lifetime = new();
    private Actor? actor;
    private TicketDetails? ticket;
    private IReadOnlyList<TimelineItem> timeline = [];
    private SlaPlans? plans;
    private bool missing;

    [Inject]
    private TicketQueries Queries { get; set; } = default!;

    [Inject]
    private TicketTimeline Timeline { get; set; } = default!;

    [Inject]
    private SlaPolicies Policies { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Parameter]
    public string Number { get; set; } = "";

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        actor ??= await AuthenticationState.ToActorAsync();
        ticket = null;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (actor is null)
        {
            missing = true;
            return;
        }

        try
        {
            var result = await Queries.GetWithoutCommentsAsync(actor, Number, lifetime.Token);
            var story = result.Succeeded ? await Timeline.GetAsync(actor, Number, lifetime.Token) : null;
            timeline = story?.Value ?? [];
            // Policies change rarely: read once per page visit, and only for staff (customers never see SLA clocks).
            plans ??= result.Succeeded && actor.IsStaff ? (await Policies.PlansAsync(actor, lifetime.Token)).Value : null;
            ticket = result.Value;
            missing = result.NotFound;
            if (missing)
            {
                // Answers 404 when the page is rendered on the server, as an unknown address does.
                Navigation.NotFound();
            }
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            // The page was left while loading.
        }
    }

    public void Dispose()
    {
        lifetime.Cancel();
        lifetime.Dispose();
    }
}
