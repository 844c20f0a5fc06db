using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Data;
using SupportDesk.Data.Access;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Users;

public sealed class UserAdministrationTests(DatabaseTemplates templates)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Non_admins_are_refused_every_operation_and_nothing_changes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var agent = await database.UserAsync(Roles.Agent, "Agnes");
        var customer = await database.UserAsync(Roles.Customer, "Carl");
        var actor = agent.AsActor(Roles.Agent);

        var results = await RunAsync(database, async admin => new ServiceResult[]
        {
            await admin.ListAsync(actor, new UserListQuery(), Token),
            await admin.CreateAsync(actor, new NewAccount("new@example.test", "New", "correct-horse-1", Roles.Agent), Token),
            await admin.ChangeRoleAsync(actor, customer.Id, Roles.Admin, Token),
            await admin.DeactivateAsync(actor, customer.Id, Token),
            await admin.ReactivateAsync(actor, customer.Id, Token),
        });

        Assert.All(results, r => Assert.Equal("Only admins can manage users.", Assert.Single(r.Errors).Message));
        Assert.Equal((true, customer.SecurityStamp, Roles.Customer), await StateAsync(database, customer.Id));
        Assert.Equal(2, await CountAsync(database, db => db.Users));
        Assert.Equal(0, await CountAsync(database, db => db.AuditEntries));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task The_list_searches_name_or_email_filters_by_role_and_pages_by_name(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var admin = await database.UserAsync(Roles.Admin, "Ada");
        var dan = await database.UserAsync(Roles.Agent, "Dan");
        await database.UserAsync(Roles.Agent, "Carla");
        await database.UserAsync(Roles.Agent, "Bob");
        await database.UserAsync(Roles.Customer, "Eve", active: false);
        var actor = admin.AsActor(Roles.Admin);

        var firstAgents = await ListAsync(database, actor, new UserListQuery(0, 2, Role: Roles.Agent));
        var lastAgents = await ListAsync(database, actor, new UserListQuery(1, 2, Role: Roles.Agent));
        var byName = await ListAsync(database, actor, new UserListQuery(Search: " cARl "));
        var byEmail = await ListAsync(database, actor, new UserListQuery(Search: dan.Email!.Split('-')[1][..12].ToUpperInvariant()));
        var everyone = await ListAsync(database, actor, new UserListQuery());

        Assert.Equal(3, firstAgents.TotalCount);
        Assert.Equal(["Bob", "Carla"], firstAgents.Items.Select(u => u.FullName));
        Assert.Equal(["Dan"], lastAgents.Items.Select(u => u.FullName));
        Assert.All(firstAgents.Items.Concat(lastAgents.Items), u => Assert.Equal(Roles.Agent, u.Role));
        Assert.Equal("Carla", Assert.Single(byName.Items).FullName);
        Assert.Equal(dan.Id, Assert.Single(byEmail.Items).Id);
        Assert.Equal(["Ada", "Bob", "Carla", "Dan", "Eve"], everyone.Items.Select(u => u.FullName));
        var eve = everyone.Items[^1];
        Assert.Equal((Roles.Customer, false, TestDatabase.Start.UtcDateTime), (eve.Role, eve.IsActive, eve.CreatedAt));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Creating_an_agent_stores_the_account_with_its_role_and_audits_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var admin = await database.UserAsync(Roles.Admin, "Ada");

        var result = await RunAsync(database, a => a.CreateAsync(
            admin.AsActor(Roles.Admin), new NewAccount("dana@example.test", "Dana", "correct-horse-1", Roles.Agent), Token));

        Assert.True(result.Succeeded, result.Message);
        var dana = Assert.Single((await ListAsync(database, admin.AsActor(Roles.Admin), new UserListQuery(Search: "dana"))).Items);
        Assert.Equal((Roles.Agent, true), (dana.Role, dana.IsActive));
        await AssertAuditAsync(database, admin, dana.Id, AuditAction.Create, "role", null, Roles.Agent);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Creating_a_duplicate_email_reports_it_on_the_email_field_and_stores_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var admin = await database.UserAsync(Roles.Admin, "Ada");

        var result = await RunAsync(database, a => a.CreateAsync(
            admin.AsActor(Roles.Admin), new NewAccount(admin.Email!.ToUpperInvariant(), "Copy", "correct-horse-1", Roles.Admin), Token));

        var error = Assert.Single(result.Errors);
        Assert.Equal(nameof(NewAccount.Email), error.Field);
        Assert.Contains("is already taken", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(database, db => db.Users));
        Assert.Equal(0, await CountAsync(database, db => db.AuditEntries));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Changing_a_role_replaces_it_rotates_the_security_stamp_and_audits_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var admin = await database.UserAsync(Roles.Admin, "Ada");
        var agent = await database.UserAsync(Roles.Agent, "Bob");

        var result = await RunAsync(database, a => a.ChangeRoleAsync(admin.AsActor(Roles.Admin), agent.Id, Roles.Admin, Token));

        Assert.True(result.Succeeded, result.Message);
        var (_, stamp, role) = await StateAsync(database, agent.Id);
        Assert.Equal(Roles.Admin, role);
        Assert.NotEqual(agent.SecurityStamp, stamp);
        Assert.Equal(1, await CountAsync(database, db => db.UserRoles.Where(ur => ur.UserId == agent.Id)));
        await AssertAuditAsync(database, admin, agent.Id, AuditAction.RoleChange, "role", Roles.Agent, Roles.Admin);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Admins_cannot_change_their_own_role_or_deactivate_themselves(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var admin = await database.UserAsync(Roles.Admin, "Ada");
        await database.UserAsync(Roles.Admin, "Other");
        var actor = admin.AsActor(Roles.Admin);

        var demote = await RunAsync(database, a => a.ChangeRoleAsync(actor, admin.Id, Roles.Agent, Token));
        var deactivate = await RunAsync(database, a => a.DeactivateAsync(actor, admin.Id, Token));

        Assert.Equal(new FieldError("Role", "You cannot change your own role."), Assert.Single(demote.Errors));
        Assert.Equal("You cannot deactivate your own account.", Assert.Single(deactivate.Errors).Message);
        Assert.Equal((true, admin.SecurityStamp, Roles.Admin), await StateAsync(database, admin.Id));
        Assert.Equal(0, await CountAsync(database, db => db.AuditEntries));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task The_last_active_admin_can_be_neither_demoted_nor_deactivated_and_nothing_changes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        // A session not yet revalidated after its own deactivation still carries the Admin claim.
        var staleAdmin = await database.UserAsync(Roles.Admin, "Stale", active: false);
        var lastAdmin = await database.UserAsync(Roles.Admin, "Ada");
        var actor = staleAdmin.AsActor(Roles.Admin);

        var demote = await RunAsync(database, a => a.ChangeRoleAsync(actor, lastAdmin.Id, Roles.Agent, Token));
        var deactivate = await RunAsync(database, a => a.DeactivateAsync(actor, lastAdmin.Id, Token));

        Assert.All([demote, deactivate], r => Assert.Equal("At least one active admin must remain.", Assert.Single(r.Errors).Message));
        Assert.Equal((true, lastAdmin.SecurityStamp, Roles.Admin), await StateAsync(database, lastAdmin.Id));
        Assert.Equal(0, await CountAsync(database, db => db.AuditEntries));

        await database.UserAsync(Roles.Admin, "Second");
        Assert.True((await RunAsync(database, a => a.DeactivateAsync(actor, lastAdmin.Id, Token))).Succeeded);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Deactivating_and_reactivating_rotate_the_stamp_and_are_audited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var admin = await database.UserAsync(Roles.Admin, "Ada");
        var agent = await database.UserAsync(Roles.Agent, "Bob");
        var actor = admin.AsActor(Roles.Admin);

        var deactivated = await RunAsync(database, a => a.DeactivateAsync(actor, agent.Id, Token));
        var (activeAfterDeactivate, stampAfterDeactivate, _) = await StateAsync(database, agent.Id);
        var again = await RunAsync(database, a => a.DeactivateAsync(actor, agent.Id, Token));
        var reactivated = await RunAsync(database, a => a.ReactivateAsync(actor, agent.Id, Token));
        var (activeAfterReactivate, stampAfterReactivate, role) = await StateAsync(database, agent.Id);

        Assert.True(deactivated.Succeeded, deactivated.Message);
        Assert.False(activeAfterDeactivate);
        Assert.NotEqual(agent.SecurityStamp, stampAfterDeactivate);
        Assert.Equal("Bob is already deactivated.", Assert.Single(again.Errors).Message);
        Assert.True(reactivated.Succeeded, reactivated.Message);
        Assert.True(activeAfterReactivate);
        Assert.NotEqual(stampAfterDeactivate, stampAfterReactivate);
        Assert.Equal(Roles.Agent, role);
        await AssertAuditAsync(database, admin, agent.Id, AuditAction.Deactivate, "isActive", true, false);
        await AssertAuditAsync(database, admin, agent.Id, AuditAction.Reactivate, "isActive", false, true);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Unknown_roles_and_users_are_refused_with_their_reason(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var admin = await database.UserAsync(Roles.Admin, "Ada");
        var agent = await database.UserAsync(Roles.Agent, "Bob");
        var actor = admin.AsActor(Roles.Admin);

        var badRole = await RunAsync(database, a => a.ChangeRoleAsync(actor, agent.Id, "Superuser", Token));
        var missing = await RunAsync(database, a => a.DeactivateAsync(actor, "no-such-user", Token));

        Assert.Equal(new FieldError("Role", "Unknown role 'Superuser'."), Assert.Single(badRole.Errors));
        Assert.Equal("That user no longer exists.", Assert.Single(missing.Errors).Message);
        Assert.Equal((true, agent.SecurityStamp, Roles.Agent), await StateAsync(database, agent.Id));
        Assert.Equal(0, await CountAsync(database, db => db.AuditEntries));
    }

    private static Task<T> RunAsync<T>(TestDatabase database, Func<UserAdministration, Task<T>> work) =>
        database.InScopeAsync(sp => work(sp.GetRequiredService<UserAdministration>()));

    private static async Task<UserPage> ListAsync(TestDatabase database, Actor actor, UserListQuery query)
    {
        var result = await RunAsync(database, a => a.ListAsync(actor, query, Token));
        Assert.True(result.Succeeded, result.Message);
        return result.Value!;
    }

    private static async Task<int> CountAsync<T>(TestDatabase database, Func<SupportDbContext, IQueryable<T>> rows)
    {
        await using var db = await database.ContextAsync();
        return await rows(db).CountAsync(Token);
    }

    private static async Task<(bool Active, string? Stamp, string? Role)> StateAsync(TestDatabase database, string userId)
    {
        await using var db = await database.ContextAsync();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, Token);
        var role = await db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).SingleAsync(Token);
        return (user.IsActive, user.SecurityStamp, role);
    }

    private static async Task AssertAuditAsync(
        TestDatabase database, AppUser actor, string userId, AuditAction action, string field, object? from, object? to)
    {
        await using var db = await database.ContextAsync();
        var entry = await db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.EntityName == "User" && a.RecordId == userId && a.Action == action, Token);
        Assert.Equal(actor.Id, entry.UserId);
        // Compared as JSON, not text: PostgreSQL's jsonb reorders keys and adds spaces.
        using var changes = JsonDocument.Parse(entry.Changes);
        var change = Assert.Single(changes.RootElement.EnumerateObject());
        Assert.Equal(field, change.Name);
        Assert.Equal(JsonSerializer.Serialize(from), change.Value.GetProperty("from").GetRawText());
        Assert.Equal(JsonSerializer.Serialize(to), change.Value.GetProperty("to").GetRawText());
    }
}
