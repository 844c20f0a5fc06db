using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Sla;
using SupportDesk.Data.Tickets;
using SupportDesk.Tests.Infrastructure;
using static SupportDesk.Tests.Sla.SlaDesk;

namespace SupportDesk.Tests.Sla;

public sealed class TicketSlaTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task New_tickets_get_the_default_policys_due_times_for_their_priority(DatabaseProvider provider)
    {
        var desk = await CreateAsync(templates, provider);
        await using var _ = desk.Database;
        desk.MoveTo(At(4, 10));

        var urgent = await desk.ReadAsync(await desk.OpenAsync(TicketPriority.Urgent));
        var high = await desk.ReadAsync(await desk.OpenAsync(TicketPriority.High));
        var medium = await desk.ReadAsync(await desk.OpenAsync(TicketPriority.Medium));
        var low = await desk.ReadAsync(await desk.OpenAsync(TicketPriority.Low));

        Assert.Equal((SlaPolicy.DefaultId, At(4, 11), At(4, 14), At(4, 11), At(4, 10, 45)), Columns(urgent));
        Assert.Equal((SlaPolicy.DefaultId, At(4, 14), At(5, 10), At(4, 14), At(4, 13)), Columns(high));
        Assert.Equal((SlaPolicy.DefaultId, At(4, 18), At(7, 10), At(4, 18), At(4, 16)), Columns(medium));
        Assert.Equal((SlaPolicy.DefaultId, At(5, 10), At(11, 10), At(5, 10), At(5, 4)), Columns(low));
        Assert.All([urgent, high, medium, low], t => Assert.Equal((null, null), (t.FirstResponseSlaMet, t.ResolutionSlaMet)));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Tickets_opened_in_one_batch_get_due_times(DatabaseProvider provider)
    {
        var desk = await CreateAsync(templates, provider);
        await using var _ = desk.Database;
        desk.MoveTo(At(4, 10));

        var created = await desk.Database.Get<TicketCreation>().CreateManyAsync(
            desk.Agent, [new NewTicket("VPN drops", "Every hour.", TicketPriority.Urgent), new NewTicket("Laptop", "Will not charge.", TicketPriority.High)], null, Cancel);

        Assert.True(created.Succeeded, created.Message);
        Assert.Equal((At(4, 11), At(4, 14)), Due(await desk.ReadAsync(created.Value![0].Number)));
        Assert.Equal((At(4, 14), At(5, 10)), Due(await desk.ReadAsync(created.Value![1].Number)));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_category_policy_with_weekday_hours_measures_its_category_and_skips_the_weekend(DatabaseProvider provider)
    {
        var desk = await CreateAsync(templates, provider);
        await using var _ = desk.Database;
        var policy = await desk.Database.Get<SlaPolicies>().CreateAsync(desk.Admin, Weekdays("Billing hours", "Billing"), null, Cancel);
        Assert.True(policy.Succeeded, policy.Message);
        desk.MoveTo(At(4, 16));

        var billing = await desk.ReadAsync(await desk.OpenAsync(TicketPriority.High, "billing"));
        var other = await desk.ReadAsync(await desk.OpenAsync(TicketPriority.High, "Hardware"));

        // 4 working hours from Wednesday 16:00: one on Wednesday, three on Thursday; 24 run until Monday 16:00.
        Assert.Equal((policy.Value, At(5, 12), At(9, 16)), (billing.SlaPolicyId, billing.FirstResponseDueAt, billing.ResolutionDueAt));
        Assert.Equal((SlaPolicy.DefaultId, At(4, 20), At(5, 16)), (other.SlaPolicyId, other.FirstResponseDueAt, other.ResolutionDueAt));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Changing_priority_or_category_recomputes_the_due_times(DatabaseProvider provider)
    {
        var desk = await CreateAsync(templates, provider);
        await using var _ = desk.Database;
        await desk.Database.Get<SlaPolicies>().CreateAsync(desk.Admin, Weekdays("Billing hours", "Billing"), null, Cancel);
        desk.MoveTo(At(4, 10));
        var number = await desk.OpenAsync(TicketPriority.Medium);
        desk.MoveTo(At(4, 11));

        await desk.SetFieldsAsync(number, new TicketFieldsUpdate(Priority: TicketPriority.High));

        // High counts from creation: 4 h to respond, 24 h to resolve.
        Assert.Equal((At(4, 14), At(5, 10)), Due(await desk.ReadAsync(number)));

        await desk.SetFieldsAsync(number, new TicketFieldsUpdate(Category: "Billing"));

        var billing = await desk.ReadAsync(number);
        Assert.Equal((At(4, 14), At(9, 10)), Due(billing));
        Assert.NotEqual(SlaPolicy.DefaultId, billing.SlaPolicyId);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Waiting_on_the_customer_pauses_resolution_and_resuming_moves_its_due_time(DatabaseProvider provider)
    {
        var desk = await CreateAsync(templates, provider);
        await using var _ = desk.Database;
        desk.MoveTo(At(4, 10));
        var number = await desk.OpenAsync(TicketPriority.High);
        desk.MoveTo(At(4, 11));
        var reply = await desk.Database.Get<TicketComments>().AddAsync(desk.Agent, number, new NewComment("Which printer?", false, Guid.NewGuid()), null, Cancel);
        Assert.True(reply.Succeeded, reply.Message);
        Assert.True((await desk.ReadAsync(number)).FirstResponseSlaMet);
        desk.MoveTo(At(4, 12));

        await desk.SetStatusAsync(number, TicketStatus.WaitingOnCustomer);

        var waiting = await desk.ReadAsync(number);
        Assert.Equal((null, null, null), (waiting.ResolutionDueAt, waiting.SlaDueAt, waiting.SlaAtRiskAt));
        Assert.Equal(At(4, 14), waiting.FirstResponseDueAt);

        desk.MoveTo(At(4, 15));
        await desk.SetStatusAsync(number, TicketStatus.InProgress);

        // Three hours waited: resolution is due three hours later than the 24 hours from creation.
        var resumed = await desk.ReadAsync(number);
        Assert.Equal((At(5, 13), At(5, 13)), (resumed.ResolutionDueAt, resumed.SlaDueAt));
        Assert.Equal(At(5, 7), resumed.SlaAtRiskAt);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Resolving_records_whether_resolution_and_first_response_were_in_time_and_reopening_clears_it(DatabaseProvider provider)
    {
        var desk = await CreateAsync(templates, provider);
        await using var _ = desk.Database;
        desk.MoveTo(At(4, 10));
        var early = await desk.OpenAsync(TicketPriority.Urgent);
        var late = await desk.OpenAsync(TicketPriority.Urgent);
        desk.MoveTo(At(4, 11, 30));
        var reply = await desk.Database.Get<TicketComments>().AddAsync(desk.Agent, late, new NewComment("Looking.", false, Guid.NewGuid()), null, Cancel);
        Assert.True(reply.Succeeded, reply.Message);
        Assert.False((await desk.ReadAsync(late)).FirstResponseSlaMet);

        desk.MoveTo(At(4, 13));
        await desk.SetStatusAsync(early, TicketStatus.Resolved);
        desk.MoveTo(At(4, 15));
        await desk.SetStatusAsync(late, TicketStatus.Resolved);

        var inTime = await desk.ReadAsync(early);
        var overdue = await desk.ReadAsync(late);
        // Resolving without a reply also settles the first response, here after its 11:00 due time.
        Assert.Equal((false, true, null), (inTime.FirstResponseSlaMet, inTime.ResolutionSlaMet, inTime.SlaDueAt));
        Assert.Equal((false, false, null), (overdue.FirstResponseSlaMet, overdue.ResolutionSlaMet, overdue.SlaDueAt));

        await desk.SetStatusAsync(early, TicketStatus.Open);

        var reopened = await desk.ReadAsync(early);
        Assert.Null(reopened.ResolutionSlaMet);
        Assert.Equal(At(4, 11), reopened.SlaDueAt);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Bulk_priority_and_status_changes_recompute_the_tickets_they_change(DatabaseProvider provider)
    {
        var desk = await CreateAsync(templates, provider);
        await using var _ = desk.Database;
        desk.MoveTo(At(4, 10));
        var first = await desk.OpenAsync(TicketPriority.Medium);
        var second = await desk.OpenAsync(TicketPriority.Medium);
        var bulk = desk.Database.Get<BulkActions>();
        desk.MoveTo(At(4, 10, 30));

        var raised = await bulk.SetPriorityAsync(desk.Agent, BulkTarget.Tickets(first, second), TicketPriority.Urgent, null, Cancel);

        Assert.Equal(2, raised.Value);
        Assert.Equal((At(4, 11), At(4, 14)), Due(await desk.ReadAsync(first)));
        Assert.Equal((At(4, 11), At(4, 14)), Due(await desk.ReadAsync(second)));

        desk.MoveTo(At(4, 12));
        var resolved = await bulk.SetStatusAsync(desk.Agent, BulkTarget.Tickets(first), TicketStatus.Resolved, null, Cancel);

        Assert.Equal(1, resolved.Value);
        var done = await desk.ReadAsync(first);
        Assert.Equal((true, null, null), (done.ResolutionSlaMet, done.SlaDueAt, done.SlaAtRiskAt));
        Assert.Equal(At(4, 11), (await desk.ReadAsync(second)).SlaDueAt);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_new_at_risk_moment_lets_the_assignee_be_alerted_again_and_an_unchanged_one_does_not(DatabaseProvider provider)
    {
        var desk = await CreateAsync(templates, provider);
        await using var _ = desk.Database;
        desk.MoveTo(At(4, 10));
        var raised = await desk.OpenAsync(TicketPriority.Medium);
        var bulkRaised = await desk.OpenAsync(TicketPriority.Medium);
        var worked = await desk.OpenAsync(TicketPriority.Medium);
        await using (var db = await desk.Database.ContextAsync())
        {
            await db.Tickets.ExecuteUpdateAsync(s => s.SetProperty(t => t.SlaAlertedAt, At(4, 10)), Cancel);
        }

        desk.MoveTo(At(4, 10, 30));
        await desk.SetFieldsAsync(raised, new TicketFieldsUpdate(Priority: TicketPriority.Urgent));
        await desk.Database.Get<BulkActions>().SetPriorityAsync(desk.Agent, BulkTarget.Tickets(bulkRaised), TicketPriority.Urgent, null, Cancel);
        await desk.SetStatusAsync(worked, TicketStatus.InProgress);

        Assert.Null((await desk.ReadAsync(raised)).SlaAlertedAt);
        Assert.Null((await desk.ReadAsync(bulkRaised)).SlaAlertedAt);
        Assert.Equal(At(4, 10), (await desk.ReadAsync(worked)).SlaAlertedAt);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Start_up_backfill_gives_older_unfinished_tickets_due_times(DatabaseProvider provider)
    {
        var desk = await CreateAsync(templates, provider);
        await using var _ = desk.Database;
        desk.MoveTo(At(4, 10));
        var old = await desk.OpenAsync(TicketPriority.Urgent);
        var resolved = await desk.OpenAsync(TicketPriority.Urgent);
        await desk.SetStatusAsync(resolved, TicketStatus.Resolved);
        await using (var db = await desk.Database.ContextAsync())
        {
            // As the rows were before SLA policies existed.
            await db.Tickets.ExecuteUpdateAsync(
                s => s.SetProperty(t => t.SlaPolicyId, (int?)null).SetProperty(t => t.FirstResponseDueAt, (DateTime?)null)
                    .SetProperty(t => t.ResolutionDueAt, (DateTime?)null).SetProperty(t => t.SlaDueAt, (DateTime?)null)
                    .SetProperty(t => t.SlaAtRiskAt, (DateTime?)null).SetProperty(t => t.FirstResponseSlaMet, (bool?)null)
                    .SetProperty(t => t.ResolutionSlaMet, (bool?)null),
                Cancel);
        }

        var filled = await desk.Database.Get<SlaBackfill>().RunAsync(Cancel);

        Assert.Equal(1, filled);
        var ticket = await desk.ReadAsync(old);
        Assert.Equal((SlaPolicy.DefaultId, At(4, 11), At(4, 14), At(4, 11)), (ticket.SlaPolicyId, ticket.FirstResponseDueAt, ticket.ResolutionDueAt, ticket.SlaDueAt));
        Assert.Null((await desk.ReadAsync(resolved)).SlaPolicyId);
        Assert.Equal(0, await desk.Database.Get<SlaBackfill>().RunAsync(Cancel));
    }

    private static (int?, DateTime?, DateTime?, DateTime?, DateTime?) Columns(Ticket t) =>
        (t.SlaPolicyId, t.FirstResponseDueAt, t.ResolutionDueAt, t.SlaDueAt, t.SlaAtRiskAt);

    private static (DateTime?, DateTime?) Due(Ticket t) => (t.FirstResponseDueAt, t.ResolutionDueAt);
}
