using Bunit;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.Components.Layout;

namespace SupportDesk.Tests.Layout;

public sealed class NavMenuTests(DatabaseTemplates templates)
{
    [Fact]
    public async Task Admins_see_the_administration_links()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var admin = await database.UserAsync(Roles.Admin);
        await using var ctx = ComponentHost.Create(database, admin, Roles.Admin);

        var nav = ctx.Render<NavMenu>();

        Assert.Contains("admin/users", nav.Markup, StringComparison.Ordinal);
        Assert.NotEmpty(nav.FindAll("a[href='admin/trash']"));
        Assert.NotEmpty(nav.FindAll("a[href='admin/activity']"));
        Assert.DoesNotContain("Account/Login", nav.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Agent)]
    [InlineData(Roles.Customer)]
    public async Task Other_roles_never_see_administration_links(string role)
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var user = await database.UserAsync(role);
        await using var ctx = ComponentHost.Create(database, user, role);

        var nav = ctx.Render<NavMenu>();

        Assert.DoesNotContain("admin/", nav.Markup, StringComparison.Ordinal);
        Assert.Contains("Home", nav.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitors_are_offered_log_in_and_register()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        await using var ctx = ComponentHost.Create(database);

        var nav = ctx.Render<NavMenu>();

        Assert.Contains("Account/Login", nav.Markup, StringComparison.Ordinal);
        Assert.Contains("Account/Register", nav.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("admin/", nav.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customers_see_their_tickets_and_new_ticket_but_not_the_staff_list()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer);
        await using var ctx = ComponentHost.Create(database, customer, Roles.Customer);

        var nav = ctx.Render<NavMenu>();

        Assert.Contains("My tickets", nav.Markup, StringComparison.Ordinal);
        Assert.NotEmpty(nav.FindAll("a[href='portal/new']"));
        Assert.Empty(nav.FindAll("a[href='tickets']"));
    }

    [Theory]
    [InlineData(Roles.Agent)]
    [InlineData(Roles.Admin)]
    public async Task Staff_see_the_ticket_list_but_not_the_portal_links(string role)
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var user = await database.UserAsync(role);
        await using var ctx = ComponentHost.Create(database, user, role);

        var nav = ctx.Render<NavMenu>();

        Assert.NotEmpty(nav.FindAll("a[href='tickets']"));
        Assert.DoesNotContain("My tickets", nav.Markup, StringComparison.Ordinal);
    }
}
