using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Settings;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Settings;

public sealed class RuntimeSettingsTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static NewTicket Portal(bool autoAssign) =>
        new("Cannot download my invoice", "The download button on the billing page does nothing.", AutoAssign: autoAssign);

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Only_admins_change_settings(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var agent = await database.UserAsync(Roles.Agent);
        var customer = await database.UserAsync(Roles.Customer);
        var settings = database.Get<RuntimeSettings>();

        var byAgent = await settings.SetAutoAssignPortalTicketsAsync(agent.AsActor(Roles.Agent), true, null, Cancel);
        var byCustomer = await settings.SetAutoAssignPortalTicketsAsync(customer.AsActor(Roles.Customer), true, null, Cancel);

        Assert.Equal("Only admins can change settings.", Assert.Single(byAgent.Errors).Message);
        Assert.False(byCustomer.Succeeded);
        Assert.False(await settings.AutoAssignPortalTicketsAsync(Cancel));
        await using var db = await database.ContextAsync();
        Assert.False(await db.AuditEntries.AnyAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Each_change_is_audited_with_who_and_the_old_and_new_value(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var admin = await database.UserAsync(Roles.Admin);
        var settings = database.Get<RuntimeSettings>();

        var on = await settings.SetAutoAssignPortalTicketsAsync(admin.AsActor(Roles.Admin), true, new AuditSource(admin.Id, "203.0.113.9", "Firefox"), Cancel);
        var stillOn = await settings.SetAutoAssignPortalTicketsAsync(admin.AsActor(Roles.Admin), true, null, Cancel);
        var enabled = await settings.AutoAssignPortalTicketsAsync(Cancel);
        await settings.SetAutoAssignPortalTicketsAsync(admin.AsActor(Roles.Admin), false, null, Cancel);

        Assert.True(on.Succeeded && stillOn.Succeeded);
        Assert.True(enabled);
        Assert.False(await settings.AutoAssignPortalTicketsAsync(Cancel));
        await using var db = await database.ContextAsync();
        var entries = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync(Cancel);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(
            (nameof(AppSetting), RuntimeSettings.AutoAssignPortalTicketsKey, AuditAction.Update, admin.Id),
            (e.EntityName, e.RecordId, e.Action, e.UserId)));
        Assert.Equal(("203.0.113.9", "Firefox"), (entries[0].IpAddress, entries[0].UserAgent));
        using var first = JsonDocument.Parse(entries[0].Changes);
        Assert.Equal(("false", "true"), (first.RootElement.GetProperty("value").GetProperty("from").GetString(), first.RootElement.GetProperty("value").GetProperty("to").GetString()));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Portal_tickets_are_assigned_automatically_only_while_admins_have_it_switched_on(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = (await database.UserAsync(Roles.Customer)).AsActor(Roles.Customer);
        var admin = (await database.UserAsync(Roles.Admin)).AsActor(Roles.Admin);
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var creation = database.Get<TicketCreation>();

        var askedForIt = await creation.CreateAsync(customer, Portal(autoAssign: true), null, Cancel);
        await database.Get<RuntimeSettings>().SetAutoAssignPortalTicketsAsync(admin, true, null, Cancel);
        var switchedOn = await creation.CreateAsync(customer, Portal(autoAssign: false), null, Cancel);

        Assert.Null(askedForIt.Value!.AssigneeId);
        Assert.Equal(maya.Id, switchedOn.Value!.AssigneeId);
        await using var db = await database.ContextAsync();
        var statuses = await db.Tickets.OrderBy(t => t.Id).Select(t => t.Status).ToListAsync(Cancel);
        Assert.Equal([TicketStatus.Open, TicketStatus.InProgress], statuses);
    }
}
