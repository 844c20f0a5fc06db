using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.Components.Queue;

namespace SupportDesk.Tests.Queue;

public sealed class QueueExportButtonTests(DatabaseTemplates templates)
{
    [Fact]
    public async Task Export_CSV_downloads_the_view_on_screen_from_its_first_row()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var agent = await database.UserAsync(Roles.Agent, "Alex");
        await using var ctx = ComponentHost.Create(database, agent, Roles.Agent);
        ctx.Render<MudPopoverProvider>();
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/tickets?priority=Urgent&q=printer&sort=Title&dir=asc&size=50&after=abc");

        var page = ctx.Render<QueuePage>();

        var button = page.WaitForElement("[data-export='csv']", TimeSpan.FromSeconds(10));
        Assert.Equal("Export CSV", button.TextContent.Trim());
        Assert.Equal("/tickets/export.csv?q=printer&priority=Urgent&sort=Title&dir=asc", button.GetAttribute("href"));
        Assert.True(button.HasAttribute("download"));
    }
}
