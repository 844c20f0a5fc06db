using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Users;
using SupportDesk.Data.Views;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Views;

public sealed class SavedViewsTests(DatabaseTemplates templates)
{
    private static readonly AuditSource FromMayasDesk = new(null, "10.0.0.7", "Firefox");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Agents_see_their_own_views_and_the_teams_shared_ones_by_name(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var maya = (await database.UserAsync(Roles.Agent, "Maya")).AsActor(Roles.Agent);
        var jonas = (await database.UserAsync(Roles.Agent, "Jonas")).AsActor(Roles.Agent);
        var carla = (await database.UserAsync(Roles.Customer, "Carla")).AsActor(Roles.Customer);
        var views = database.Get<SavedViews>();
        await SaveAsync(views, maya, "zeta billing", "category=billing");
        await SaveAsync(views, maya, "Alpha urgent", "priority=Urgent", shared: true);
        await SaveAsync(views, jonas, "Jonas private", "assignee=Me");
        await SaveAsync(views, jonas, "Beta printers", "tag=printer", shared: true);

        var listed = await views.ListAsync(maya, Cancel);

        Assert.Equal(
            [("Alpha urgent", true, "Maya"), ("Beta printers", false, "Jonas"), ("zeta billing", true, "Maya")],
            listed.Select(v => (v.Name, v.IsMine, v.OwnerName)));
        Assert.Equal("tag=printer", listed[1].Query);
        Assert.Empty(await views.ListAsync(carla, Cancel));
        Assert.False((await views.SaveAsync(carla, new NewSavedView("Mine", "status=Open", false), null, Cancel)).Succeeded);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Saving_trims_the_name_drops_the_page_cursor_and_refuses_a_name_already_used(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var maya = (await database.UserAsync(Roles.Agent, "Maya")).AsActor(Roles.Agent);
        var jonas = (await database.UserAsync(Roles.Agent, "Jonas")).AsActor(Roles.Agent);
        var views = database.Get<SavedViews>();

        var saved = await views.SaveAsync(maya, new NewSavedView("  Urgent billing  ", "?status=Open&after=MTIzfDQ1&priority=High&before=OTl8MQ&q=a%20b", false), null, Cancel);
        var again = await views.SaveAsync(maya, new NewSavedView("urgent BILLING", "status=Closed", true), null, Cancel);
        var jonasToo = await views.SaveAsync(jonas, new NewSavedView("Urgent billing", "status=Closed", false), null, Cancel);

        Assert.True(saved.Succeeded, saved.Message);
        Assert.Equal("Urgent billing", saved.Value!.Name);
        Assert.Equal("status=Open&priority=High&q=a%20b", saved.Value.Query);
        Assert.Equal("You already have a view named \"Urgent billing\".", Assert.Single(again.Errors, e => e.Field == "name").Message);
        Assert.True(jonasToo.Succeeded, jonasToo.Message);
        await using var db = await database.ContextAsync();
        Assert.Equal(["status=Open&priority=High&q=a%20b"], await db.SavedViews.Where(v => v.OwnerId == maya.UserId).Select(v => v.Query).ToListAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_missing_or_too_long_name_or_query_is_refused_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var maya = (await database.UserAsync(Roles.Agent, "Maya")).AsActor(Roles.Agent);
        var views = database.Get<SavedViews>();

        var blank = await views.SaveAsync(maya, new NewSavedView("   ", "status=Open", false), null, Cancel);
        var longName = await views.SaveAsync(maya, new NewSavedView(new string('n', SavedView.NameMaxLength + 1), "status=Open", false), null, Cancel);
        var longQuery = await views.SaveAsync(maya, new NewSavedView("Everything", "q=" + new string('x', SavedView.QueryMaxLength - 1), false), null, Cancel);
        var longestName = await views.SaveAsync(maya, new NewSavedView(new string('n', SavedView.NameMaxLength), "", false), null, Cancel);

        Assert.Equal("name", Assert.Single(blank.Errors).Field);
        Assert.Equal("name", Assert.Single(longName.Errors).Field);
        Assert.Equal("query", Assert.Single(longQuery.Errors).Field);
        Assert.True(longestName.Succeeded, longestName.Message);
        await using var db = await database.ContextAsync();
        Assert.Equal(1, await db.SavedViews.CountAsync(Cancel));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityName == nameof(SavedView), Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Only_the_owner_renames_shares_and_updates_a_view(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var maya = (await database.UserAsync(Roles.Agent, "Maya")).AsActor(Roles.Agent);
        var jonas = (await database.UserAsync(Roles.Agent, "Jonas")).AsActor(Roles.Agent);
        var views = database.Get<SavedViews>();
        var billing = await SaveAsync(views, maya, "Billing", "category=billing", shared: true);
        var secret = await SaveAsync(views, maya, "Secret", "q=secret");

        var jonasRenames = await views.RenameAsync(jonas, billing.Id, "Mine now", null, Cancel);
        var jonasUnshares = await views.SetSharedAsync(jonas, billing.Id, false, null, Cancel);
        var jonasFindsSecret = await views.RenameAsync(jonas, secret.Id, "Found", null, Cancel);
        var taken = await views.RenameAsync(maya, billing.Id, " secret ", null, Cancel);
        var renamed = await views.RenameAsync(maya, billing.Id, "Billing open", null, Cancel);
        var updated = await views.UpdateQueryAsync(maya, billing.Id, "category=billing&status=Open&after=abc", null, Cancel);
        var shared = await views.SetSharedAsync(maya, secret.Id, true, null, Cancel);
        var unshared = await views.SetSharedAsync(maya, billing.Id, false, null, Cancel);

        Assert.Equal("Only the view's owner can change it.", jonasRenames.Message);
        Assert.False(jonasUnshares.Succeeded);
        Assert.True(jonasFindsSecret.NotFound);
        Assert.Equal("You already have a view named \"Secret\".", taken.Message);
        Assert.True(renamed.Succeeded && updated.Succeeded && shared.Succeeded && unshared.Succeeded);
        Assert.Equal([("Secret", "q=secret")], (await views.ListAsync(jonas, Cancel)).Select(v => (v.Name, v.Query)));
        Assert.Equal(
            [("Billing open", "category=billing&status=Open", false), ("Secret", "q=secret", true)],
            (await views.ListAsync(maya, Cancel)).Select(v => (v.Name, v.Query, v.IsShared)));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task The_owner_deletes_a_view_and_an_admin_may_delete_only_shared_ones(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var maya = (await database.UserAsync(Roles.Agent, "Maya")).AsActor(Roles.Agent);
        var jonas = (await database.UserAsync(Roles.Agent, "Jonas")).AsActor(Roles.Agent);
        var ada = (await database.UserAsync(Roles.Admin, "Ada")).AsActor(Roles.Admin);
        var views = database.Get<SavedViews>();
        var team = await SaveAsync(views, maya, "Team queue", "status=Open", shared: true);
        var mine = await SaveAsync(views, maya, "My queue", "assignee=Me");
        var scratch = await SaveAsync(views, maya, "Scratch", "q=scratch");

        var byColleague = await views.DeleteAsync(jonas, team.Id, null, Cancel);
        var adminOnPrivate = await views.DeleteAsync(ada, mine.Id, null, Cancel);
        var adminOnShared = await views.DeleteAsync(ada, team.Id, null, Cancel);
        var byOwner = await views.DeleteAsync(maya, scratch.Id, null, Cancel);

        Assert.Equal("Only the view's owner can change it.", byColleague.Message);
        Assert.True(adminOnPrivate.NotFound);
        Assert.True(adminOnShared.Succeeded, adminOnShared.Message);
        Assert.True(byOwner.Succeeded, byOwner.Message);
        Assert.Equal(["My queue"], (await views.ListAsync(maya, Cancel)).Select(v => v.Name));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Every_change_is_audited_with_who_did_it_and_from_where(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var maya = (await database.UserAsync(Roles.Agent, "Maya")).AsActor(Roles.Agent);
        var views = database.Get<SavedViews>();

        var view = (await views.SaveAsync(maya, new NewSavedView("Billing", "category=billing", false), FromMayasDesk, Cancel)).Value!;
        await views.RenameAsync(maya, view.Id, "Billing team", FromMayasDesk, Cancel);
        await views.RenameAsync(maya, view.Id, "Billing team", FromMayasDesk, Cancel);
        await views.SetSharedAsync(maya, view.Id, true, FromMayasDesk, Cancel);
        await views.UpdateQueryAsync(maya, view.Id, "category=billing&status=Open", FromMayasDesk, Cancel);
        await views.DeleteAsync(maya, view.Id, FromMayasDesk, Cancel);

        await using var db = await database.ContextAsync();
        var entries = await db.AuditEntries.Where(a => a.EntityName == nameof(SavedView)).OrderBy(a => a.Id).ToListAsync(Cancel);
        Assert.Equal(
            [AuditAction.Create, AuditAction.Update, AuditAction.Update, AuditAction.Update, AuditAction.PermanentDelete],
            entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal((view.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), maya.UserId, "10.0.0.7"), (e.RecordId, e.UserId, e.IpAddress)));
        Assert.Contains(new ChangeView("name", "Billing", "Billing team"), AuditChanges.Read(entries[1].Changes));
        Assert.Contains(new ChangeView("isShared", "false", "true"), AuditChanges.Read(entries[2].Changes));
        Assert.Contains(new ChangeView("query", "category=billing", "category=billing&status=Open"), AuditChanges.Read(entries[3].Changes));
        Assert.Contains(new ChangeView("name", "Billing team", null), AuditChanges.Read(entries[4].Changes));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_deactivated_owners_shared_views_stay_with_the_team(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var mayaUser = await database.UserAsync(Roles.Agent, "Maya");
        var maya = mayaUser.AsActor(Roles.Agent);
        var jonas = (await database.UserAsync(Roles.Agent, "Jonas")).AsActor(Roles.Agent);
        var views = database.Get<SavedViews>();
        await SaveAsync(views, maya, "Escalations", "priority=Urgent", shared: true);
        await SaveAsync(views, maya, "Maya's own", "assignee=Me");

        await using (var db = await database.ContextAsync())
        {
            await db.Users.Where(u => u.Id == mayaUser.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false), Cancel);
        }

        Assert.Equal([("Escalations", "Maya")], (await views.ListAsync(jonas, Cancel)).Select(v => (v.Name, v.OwnerName)));
    }

    private static async Task<SavedViewRow> SaveAsync(SavedViews views, Actor owner, string name, string query, bool shared = false)
    {
        var result = await views.SaveAsync(owner, new NewSavedView(name, query, shared), null, Cancel);
        Assert.True(result.Succeeded, result.Message);
        return result.Value!;
    }
}
