using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Data.Access;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Export;

/// <summary><c>GET /tickets/export.csv</c> on the real app, for users signed in through the login form.</summary>
public sealed class QueueExportEndpointTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Staff_download_the_queue_view_named_by_the_address_and_customers_are_turned_away(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        await using var app = new SupportDeskApp(database.Options);
        var carla = await app.AccountAsync("carla@example.test", Roles.Customer);
        await app.AccountAsync("alex@example.test", Roles.Agent);
        using var carlaClient = await app.SignInAsync("carla@example.test");
        using var agentClient = await app.SignInAsync("alex@example.test");
        var creation = app.Services.GetRequiredService<TicketCreation>();
        foreach (var (title, priority) in new[] { ("Warehouse is offline", TicketPriority.Urgent), ("New mouse please", TicketPriority.Low), ("Billing run failed", TicketPriority.Urgent) })
        {
            var created = await creation.CreateAsync(new Actor(carla.Id, ActorRole.Customer), new NewTicket(title, "Details follow.", priority), null, Cancel);
            Assert.True(created.Succeeded, created.Message);
        }

        using var export = await agentClient.GetAsync(new Uri("/tickets/export.csv?priority=Urgent&sort=Title&dir=asc&size=50&after=bogus", UriKind.Relative), Cancel);
        using var forCustomer = await carlaClient.GetAsync(new Uri("/tickets/export.csv", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", export.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".csv", export.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        var lines = (await export.Content.ReadAsStringAsync(Cancel)).TrimEnd().Split("\r\n");
        Assert.StartsWith("Number,Title,", lines[0], StringComparison.Ordinal);
        Assert.Equal(["Billing run failed", "Warehouse is offline"], lines.Skip(1).Select(l => l.Split(',')[1]));
        Assert.Equal(HttpStatusCode.Redirect, forCustomer.StatusCode);
        Assert.Contains("/Account/AccessDenied", forCustomer.Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}
