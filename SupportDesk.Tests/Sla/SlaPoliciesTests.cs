using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Sla;
using SupportDesk.Data.Tickets;
using SupportDesk.Tests.Infrastructure;
using static SupportDesk.Tests.Sla.SlaDesk;

namespace SupportDesk.Tests.Sla;

public sealed class SlaPoliciesTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Invalid_policies_are_refused_with_a_message_per_field_and_nothing_is_stored(DatabaseProvider provider)
    {
        var desk = await CreateAsync(templates, provider);
        await using var _ = desk.Database;
        var policies = desk.Database.Get<SlaPolicies>();
        var targets = SlaTargets.Default with { High = new SlaTarget(TimeSpan.FromHours(30), TimeSpan.FromHours(24)) };
        var input = new SlaPolicyInput(" ", "Billing", BusinessCalendar.Weekly("Mars/Olympus", []), targets);

        var result = await policies.CreateAsync(desk.Admin, input, null, Cancel);

        Assert.False(result.Succeeded);
        Assert.Contains(new FieldError("name", "Enter a name for the policy, e.g. Billing."), result.Errors);
        Assert.Contains(result.Errors, e => e.Field == "timeZoneId" && e.Message.Contains("'Mars/Olympus' is not a known time zone", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Field == "hours");
        Assert.Contains(new FieldError("high.firstResponse", "The High first response target (30 h) must not be longer than its resolution target (24 h)."), result.Errors);
        Assert.Single((await policies.ListAsync(desk.Admin, Cancel)).Value!);
        await using var db = await desk.Database.ContextAsync();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityName == nameof(SlaPolicy), Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task The_default_policy_cannot_be_deleted_nor_given_a_category_and_a_category_has_one_policy(DatabaseProvider provider)
    {
        var desk = await CreateAsync(templates, provider);
        await using var _ = desk.Database;
        var policies = desk.Database.Get<SlaPolicies>();
        var standard = Assert.Single((await policies.ListAsync(desk.Admin, Cancel)).Value!);

        var deleted = await policies.DeleteAsync(desk.Admin, standard.Id, null, Cancel);
        var categorised = await policies.UpdateAsync(desk.Admin, standard.Id, new SlaPolicyInput("Standard", "Billing", standard.Calendar, standard.Targets), null, Cancel);
        var billing = await policies.CreateAsync(desk.Admin, Weekdays("Billing hours", "Billing"), null, Cancel);
        var twice = await policies.CreateAsync(desk.Admin, Weekdays("Billing again", "BILLING"), null, Cancel);
        var sameName = await policies.CreateAsync(desk.Admin, Weekdays("standard", "Hardware"), null, Cancel);
        var byAgent = await policies.CreateAsync(desk.Agent, Weekdays("Hardware hours", "Hardware"), null, Cancel);

        Assert.Equal("The default policy measures every ticket no other policy covers, so it cannot be deleted; change its targets instead.", deleted.Message);
        Assert.Equal([new FieldError("category", "The default policy covers every ticket no other policy claims, so it cannot have a category.")], categorised.Errors);
        Assert.True(billing.Succeeded, billing.Message);
        Assert.Equal([new FieldError("category", "The category \"BILLING\" already has a policy; edit that one instead.")], twice.Errors);
        Assert.Equal([new FieldError("name", "A policy named \"standard\" already exists; choose another name.")], sameName.Errors);
        Assert.Equal("Only admins can manage SLA policies.", byAgent.Message);
        Assert.Equal(["Standard", "Billing hours"], (await policies.ListAsync(desk.Admin, Cancel)).Value!.Select(p => p.Name));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Editing_a_policy_recomputes_its_open_tickets_but_not_resolved_ones_and_is_audited(DatabaseProvider provider)
    {
        var desk = await CreateAsync(templates, provider);
        await using var _ = desk.Database;
        var policies = desk.Database.Get<SlaPolicies>();
        desk.MoveTo(At(4, 10));
        var open = await desk.OpenAsync(TicketPriority.Medium);
        var resolved = await desk.OpenAsync(TicketPriority.Medium);
        desk.MoveTo(At(4, 11));
        await desk.SetStatusAsync(resolved, TicketStatus.Resolved);
        var standard = Assert.Single((await policies.ListAsync(desk.Admin, Cancel)).Value!);
        var faster = standard.Targets with { Medium = new SlaTarget(TimeSpan.FromHours(2), TimeSpan.FromHours(48)) };

        var result = await policies.UpdateAsync(desk.Admin, standard.Id, new SlaPolicyInput("Standard", null, standard.Calendar, faster), null, Cancel);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal((At(4, 12), At(6, 10), At(4, 12)), Due(await desk.ReadAsync(open)));
        Assert.Equal((At(4, 18), At(7, 10), null), Due(await desk.ReadAsync(resolved)));
        await using var db = await desk.Database.ContextAsync();
        var entry = await db.AuditEntries.SingleAsync(a => a.EntityName == nameof(SlaPolicy), Cancel);
        Assert.Equal((AuditAction.Update, desk.Admin.UserId), (entry.Action, entry.UserId));
        // PostgreSQL's jsonb keeps keys in its own order.
        Assert.Equal(
            [new ChangeView("mediumFirstResponseMinutes", "480", "120"), new ChangeView("mediumResolutionMinutes", "4320", "2880")],
            AuditChanges.Read(entry.Changes).OrderBy(c => c.Field, StringComparer.Ordinal));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Creating_and_deleting_a_category_policy_moves_its_open_tickets_between_policies(DatabaseProvider provider)
    {
        var desk = await CreateAsync(templates, provider);
        await using var _ = desk.Database;
        var policies = desk.Database.Get<SlaPolicies>();
        desk.MoveTo(At(4, 16));
        var number = await desk.OpenAsync(TicketPriority.High, "Billing");
        Assert.Equal(1, (await policies.AffectedAsync(desk.Admin, null, "billing", Cancel)).Value);

        var created = await policies.CreateAsync(desk.Admin, Weekdays("Billing hours", "Billing"), null, Cancel);

        var measured = await desk.ReadAsync(number);
        Assert.Equal((created.Value, At(5, 12)), (measured.SlaPolicyId, measured.FirstResponseDueAt));

        var deleted = await policies.DeleteAsync(desk.Admin, created.Value, null, Cancel);

        Assert.Equal(1, deleted.Value);
        var fallback = await desk.ReadAsync(number);
        Assert.Equal((SlaPolicy.DefaultId, At(4, 20)), (fallback.SlaPolicyId, fallback.FirstResponseDueAt));
    }

    private static (DateTime?, DateTime?, DateTime?) Due(Ticket t) => (t.FirstResponseDueAt, t.ResolutionDueAt, t.SlaDueAt);
}
