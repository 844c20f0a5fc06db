using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Sla;
using SupportDesk.Data.Users;
using SupportDesk.Data.Views;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Security;

/// <summary>
/// The names people give accounts, saved views, SLA policies and holidays follow the rule free text follows (see
/// <see cref="HostileTextTests"/>): a control character or a broken character is refused with a message naming the
/// field, and nothing changes. PostgreSQL would otherwise refuse a NUL with an error the person never sees.
/// </summary>
public sealed class HostileNameTests(DatabaseTemplates templates)
{
    private const string Nul = "The {0} contains an invisible control character (U+0000); remove it and try again.";
    private const string Broken = "The {0} contains a broken character (half of an emoji or symbol); type it again.";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Account_names_and_emails_with_control_or_broken_characters_are_refused_with_a_message_and_no_account_is_made(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var admin = (await database.UserAsync(Roles.Admin, "Ada")).AsActor(Roles.Admin);
        var before = await SnapshotAsync(database);

        var registered = await database.InScopeAsync(sp => sp.GetRequiredService<UserAccounts>()
            .RegisterCustomerAsync("nina@example.test", "Nina\0 Novak", "long-enough-1", Cancel));
        var createdByAdmin = await database.InScopeAsync(sp => sp.GetRequiredService<UserAdministration>()
            .CreateAsync(admin, new NewAccount("dana@example.test", "Dana \uD800", "long-enough-1", Roles.Agent), Cancel));

        var nulEmail = await database.InScopeAsync(sp => sp.GetRequiredService<UserAdministration>()
            .CreateAsync(admin, new NewAccount("eve\0@example.test", "Eve Evans", "long-enough-1", Roles.Agent), Cancel));

        Assert.Equal([("FullName", Format(Nul, "full name"))], registered.Errors.Select(e => (e.Code, e.Description)));
        Assert.Equal([new FieldError("FullName", Format(Broken, "full name"))], createdByAdmin.Errors);
        Assert.Equal([new FieldError("Email", Format(Nul, "email"))], nulEmail.Errors);
        Assert.Equal(before, await SnapshotAsync(database));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Saved_view_names_with_control_or_broken_characters_are_refused_with_a_message_and_change_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var maya = (await database.UserAsync(Roles.Agent, "Maya")).AsActor(Roles.Agent);
        var views = database.Get<SavedViews>();
        var urgent = await views.SaveAsync(maya, new NewSavedView("Urgent", "priority=Urgent", false), null, Cancel);
        Assert.True(urgent.Succeeded, urgent.Message);
        var before = await SnapshotAsync(database);

        var saved = await views.SaveAsync(maya, new NewSavedView("Billing\0", "category=billing", true), null, Cancel);
        var renamed = await views.RenameAsync(maya, urgent.Value!.Id, "Urgent \uDE00", null, Cancel);

        Assert.Equal([new FieldError("name", Format(Nul, "view name"))], saved.Errors);
        Assert.Equal([new FieldError("name", Format(Broken, "view name"))], renamed.Errors);
        Assert.Equal(before, await SnapshotAsync(database));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Sla_policy_and_holiday_names_with_control_or_broken_characters_are_refused_with_a_message_and_change_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var admin = (await database.UserAsync(Roles.Admin, "Ada")).AsActor(Roles.Admin);
        var policies = database.Get<SlaPolicies>();
        var standard = Assert.Single((await policies.ListAsync(admin, Cancel)).Value!);
        var weekdays = BusinessCalendar.Weekly("Europe/Berlin", [new WorkingHours(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(17, 0))]);
        SlaPolicyInput WithHoliday(string name) =>
            new("Standard", null, weekdays with { Holidays = [new Holiday(new DateOnly(2026, 4, 3), name)] }, standard.Targets);
        var before = await SnapshotAsync(database);

        var created = await policies.CreateAsync(admin, new SlaPolicyInput("Billing\0", "Billing", weekdays, standard.Targets), null, Cancel);
        var renamed = await policies.UpdateAsync(admin, standard.Id, new SlaPolicyInput("Standard \uD83D", null, standard.Calendar, standard.Targets), null, Cancel);
        var nulHoliday = await policies.UpdateAsync(admin, standard.Id, WithHoliday("Good\0 Friday"), null, Cancel);
        var brokenHoliday = await policies.UpdateAsync(admin, standard.Id, WithHoliday("Good Friday \uD800"), null, Cancel);

        Assert.Equal([new FieldError("name", Format(Nul, "policy name"))], created.Errors);
        Assert.Equal([new FieldError("name", Format(Broken, "policy name"))], renamed.Errors);
        Assert.Equal([new FieldError("holidays", "A holiday name contains an invisible control character (U+0000); remove it and try again.")], nulHoliday.Errors);
        Assert.Equal([new FieldError("holidays", "A holiday name contains a broken character (half of an emoji or symbol); type it again.")], brokenHoliday.Errors);
        Assert.Equal(before, await SnapshotAsync(database));
    }

    private static string Format(string message, string label) => string.Format(System.Globalization.CultureInfo.InvariantCulture, message, label);

    /// <summary>Everything a refused name could have touched.</summary>
    private static async Task<string> SnapshotAsync(TestDatabase database)
    {
        await using var db = await database.ContextAsync();
        return JsonSerializer.Serialize(new
        {
            Users = await db.Users.OrderBy(u => u.FullName).Select(u => new { u.FullName, u.Email }).ToListAsync(Cancel),
            UserRoles = await db.UserRoles.CountAsync(Cancel),
            Views = await db.SavedViews.OrderBy(v => v.Id).Select(v => new { v.Name, v.Query, v.IsShared }).ToListAsync(Cancel),
            Policies = await db.SlaPolicies.OrderBy(p => p.Id).Select(p => new { p.Name, p.Category, p.Calendar }).ToListAsync(Cancel),
            Audit = await db.AuditEntries.CountAsync(Cancel),
        });
    }
}
