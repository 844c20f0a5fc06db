using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Settings;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Settings;

public sealed class AutoCloseSettingsTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Resolved_tickets_close_after_seven_days_until_an_admin_changes_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var admin = (await database.UserAsync(Roles.Admin)).AsActor(Roles.Admin);
        var settings = database.Get<RuntimeSettings>();

        var defaults = await settings.AutoCloseAsync(Cancel);
        await settings.SetAutoCloseResolvedAsync(admin, false, null, Cancel);
        await settings.SetAutoCloseAfterDaysAsync(admin, 30, null, Cancel);

        Assert.Equal(new AutoClosePolicy(true, 7), defaults);
        Assert.Equal(new AutoClosePolicy(false, 30), await settings.AutoCloseAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Both_changes_are_audited_with_who_and_the_old_and_new_value(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var admin = await database.UserAsync(Roles.Admin);
        var settings = database.Get<RuntimeSettings>();

        await settings.SetAutoCloseResolvedAsync(admin.AsActor(Roles.Admin), false, new AuditSource(admin.Id, "203.0.113.9", "Firefox"), Cancel);
        await settings.SetAutoCloseAfterDaysAsync(admin.AsActor(Roles.Admin), 14, null, Cancel);
        await settings.SetAutoCloseAfterDaysAsync(admin.AsActor(Roles.Admin), 14, null, Cancel);

        await using var db = await database.ContextAsync();
        var entries = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync(Cancel);
        Assert.Equal(
            [(RuntimeSettings.AutoCloseResolvedKey, "true", "false"), (RuntimeSettings.AutoCloseAfterDaysKey, "7", "14")],
            entries.Select(e => (e.RecordId, Value(e, "from"), Value(e, "to"))));
        Assert.All(entries, e => Assert.Equal((nameof(AppSetting), AuditAction.Update, admin.Id), (e.EntityName, e.Action, e.UserId)));
        Assert.Equal(("203.0.113.9", "Firefox"), (entries[0].IpAddress, entries[0].UserAgent));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Days_outside_one_to_365_are_refused_with_a_clear_message_and_change_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var admin = (await database.UserAsync(Roles.Admin)).AsActor(Roles.Admin);
        var agent = (await database.UserAsync(Roles.Agent)).AsActor(Roles.Agent);
        var settings = database.Get<RuntimeSettings>();

        var zero = await settings.SetAutoCloseAfterDaysAsync(admin, 0, null, Cancel);
        var tooMany = await settings.SetAutoCloseAfterDaysAsync(admin, 366, null, Cancel);
        var byAgent = await settings.SetAutoCloseResolvedAsync(agent, false, null, Cancel);
        var lowest = await settings.SetAutoCloseAfterDaysAsync(admin, 1, null, Cancel);
        var lowestPolicy = await settings.AutoCloseAsync(Cancel);
        var highest = await settings.SetAutoCloseAfterDaysAsync(admin, 365, null, Cancel);

        Assert.Equal(new FieldError("autoCloseAfterDays", "Enter a number of days from 1 to 365; 0 is out of range."), Assert.Single(zero.Errors));
        Assert.Equal("Enter a number of days from 1 to 365; 366 is out of range.", tooMany.Message);
        Assert.Equal("Only admins can change settings.", byAgent.Message);
        Assert.True(lowest.Succeeded && highest.Succeeded);
        Assert.Equal(new AutoClosePolicy(true, 1), lowestPolicy);
        Assert.Equal(new AutoClosePolicy(true, 365), await settings.AutoCloseAsync(Cancel));
        await using var db = await database.ContextAsync();
        Assert.Equal(2, await db.AuditEntries.CountAsync(Cancel));
    }

    private static string? Value(AuditEntry entry, string side)
    {
        using var changes = JsonDocument.Parse(entry.Changes);
        return changes.RootElement.GetProperty("value").GetProperty(side).GetString();
    }
}
