using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SupportDesk.Data.Access;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Dashboards;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.Components.Queue;

namespace SupportDesk.Tests.Queue;

/// <summary>The particular assignee and creator and the created and resolved ranges, over <see cref="DashboardDesk"/>'s tickets.</summary>
public sealed class QueueRangeFiltersTests(DatabaseTemplates templates)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static DateTime At(int day, int hour) => new(2026, 3, day, hour, 0, 0, DateTimeKind.Utc);

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Resolved_ranges_include_their_start_and_exclude_their_end(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var (ada, alex, bea, carla) = await DashboardDesk.UsersAsync(database);
        await DashboardDesk.SeedAsync(database, alex, bea, carla);
        var admin = ada.AsActor(Roles.Admin);

        // T1 was resolved at 03-01 12:00; T2 and T7 at 03-02 10:00, T3 at 14:00; T10 (03-01 10:00) is deleted.
        Assert.Equal(["T1"], await TitlesAsync(database, admin, new QueueFilter { ResolvedFrom = At(1, 12), ResolvedTo = At(2, 10) }));
        Assert.Equal(["T2", "T3", "T7"], await TitlesAsync(database, admin, new QueueFilter { ResolvedFrom = At(2, 10), ResolvedTo = At(3, 0) }));
        Assert.Equal(["T1", "T12", "T2", "T3", "T7"], await TitlesAsync(database, admin, new QueueFilter { ResolvedFrom = At(1, 0) }));
        Assert.Equal(["T1"], await TitlesAsync(database, admin, new QueueFilter { ResolvedTo = At(2, 10) }));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_particular_assignee_creator_and_creation_range_combine(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var (ada, alex, bea, carla) = await DashboardDesk.UsersAsync(database);
        await DashboardDesk.SeedAsync(database, alex, bea, carla);
        var admin = ada.AsActor(Roles.Admin);
        var other = await database.UserAsync(Roles.Customer, "Omar");
        await database.TicketAsync(other, "Omar's question", assignee: alex);

        // Created 03-01 00:00 up to (not including) 03-01 15:00: T1 and T2 (T10 is deleted, T12 came at 15:00).
        var firstDay = new QueueFilter { CreatedFrom = At(1, 0), CreatedTo = At(1, 15) };
        Assert.Equal(["T1", "T2"], await TitlesAsync(database, admin, firstDay));
        Assert.Equal(["T1", "T2", "T6", "T7"], await TitlesAsync(database, admin, new QueueFilter { AssigneeId = alex.Id, CreatorId = carla.Id }));
        Assert.Equal(["Omar's question"], await TitlesAsync(database, admin, new QueueFilter { AssigneeId = alex.Id, CreatorId = other.Id }));
        Assert.Empty(await TitlesAsync(database, admin, firstDay with { CreatorId = other.Id }));
    }

    [Fact]
    public void The_address_carries_every_new_filter_and_drops_the_ones_that_do_not_parse()
    {
        var filter = new QueueFilter
        {
            AssigneeId = "agent-1",
            CreatorId = "customer-2",
            CreatedFrom = At(1, 0),
            CreatedTo = new DateTime(2026, 3, 8, 23, 0, 0, DateTimeKind.Utc).AddTicks(1234567),
            ResolvedFrom = At(2, 10),
            ResolvedTo = At(4, 0),
        };
        var uri = new QueueUrl(filter, new QueueSort(), new QueuePaging(), null).ToUri();

        var parsed = Parse(uri);

        Assert.Equal(filter, parsed.Filter);
        Assert.Equal(uri, parsed.ToUri());
        Assert.Contains("createdFrom=2026-03-01T00%3A00%3A00Z", uri, StringComparison.Ordinal);

        // A bare date is midnight UTC; an offset is turned into UTC; a value that is no time is left out.
        var edited = Parse("/tickets?createdFrom=2026-03-01&createdTo=2026-03-08T01:00:00%2B01:00&resolvedFrom=yesterday&resolvedTo=2026-13-01&creator=");
        Assert.Equal((At(1, 0), At(8, 0)), (edited.Filter.CreatedFrom, edited.Filter.CreatedTo));
        Assert.Equal(DateTimeKind.Utc, edited.Filter.CreatedTo!.Value.Kind);
        Assert.Null(edited.Filter.ResolvedFrom);
        Assert.Null(edited.Filter.ResolvedTo);
        Assert.Null(edited.Filter.CreatorId);
    }

    [Fact]
    public async Task Filters_from_a_link_show_as_chips_that_clear_them()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var alex = await database.UserAsync(Roles.Agent, "Alex");
        await database.TicketAsync(carla, "Carla's printer jams", assignee: maya);
        await database.TicketAsync(carla, "Carla's other question", assignee: alex);
        await using var ctx = ComponentHost.Create(database, alex, Roles.Agent);
        ctx.Render<MudPopoverProvider>();
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo($"/tickets?assigneeId={maya.Id}&creator={carla.Id}&resolvedFrom=2026-03-01T00:00:00Z&resolvedTo=2026-03-08T00:00:00Z");

        var page = ctx.Render<SupportDesk.Web.Components.Queue.QueuePage>();

        page.WaitForAssertion(() => Assert.Equal(
            ["Assigned to Maya", "Opened by Carla", "Resolved 1–7 Mar 2026"],
            page.FindAll("[data-filter-chip]").Select(c => c.TextContent.Trim())), Timeout);

        await page.InvokeAsync(() => page.Find("[data-filter-chip='resolved'] .mud-chip-close-button").Click());
        page.WaitForAssertion(() => Assert.Equal(["Carla's printer jams"], Titles(page)), Timeout);
        Assert.DoesNotContain("resolved", navigation.Uri, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"assigneeId={maya.Id}", navigation.Uri, StringComparison.Ordinal);

        await page.InvokeAsync(() => page.Find("[data-filter-chip='assignee'] .mud-chip-close-button").Click());
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-ticket]").Count), Timeout);
        Assert.Equal(["Opened by Carla"], page.FindAll("[data-filter-chip]").Select(c => c.TextContent.Trim()));
    }

    private static List<string> Titles(IRenderedComponent<SupportDesk.Web.Components.Queue.QueuePage> page) =>
        [.. page.FindAll("td[data-label='Title']").Select(td => td.TextContent.Trim())];

    private static QueueUrl Parse(string uri) =>
        QueueUrl.Parse(QueryHelpers.ParseQuery(new Uri(new Uri("http://desk"), uri).Query), TestDatabase.Start.UtcDateTime);

    private static async Task<List<string>> TitlesAsync(TestDatabase database, Actor actor, QueueFilter filter)
    {
        var page = await database.Get<QueueQueries>().ListAsync(actor, filter, new QueueSort(), new QueuePaging(100), Cancel);
        return [.. page.Items.Select(r => r.Title).Order(StringComparer.Ordinal)];
    }
}
