using SupportDesk.Data.Audit;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Tags;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Tags;

public sealed class TagCatalogTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task The_list_counts_live_tickets_only_and_shows_when_each_tag_was_last_used(DatabaseProvider provider)
    {
        await using var desk = await TagDesk.CreateAsync(templates, provider);
        var first = desk.Database.Clock.GetUtcNow().UtcDateTime;
        await desk.TicketAsync("VPN drops every hour", ["billing", "vpn"]);
        desk.Database.Clock.Advance(TimeSpan.FromHours(1));
        var second = desk.Database.Clock.GetUtcNow().UtcDateTime;
        await desk.TicketAsync("Invoice shows the wrong address", ["billing"]);
        desk.Database.Clock.Advance(TimeSpan.FromHours(1));
        await desk.TicketAsync("Refund for March", ["billing"], trashed: true);
        var created = await desk.Catalog.CreateAsync(desk.Admin, new TagInput(" Hardware ", "#00FF00", "  Printers, laptops, phones "), null, Cancel);
        Assert.True(created.Succeeded, created.Message);

        var byName = await desk.Catalog.ListAsync(desk.Agent, TagSort.Name, Cancel);
        var mostUsed = await desk.Catalog.ListAsync(desk.Agent, TagSort.MostUsed, Cancel);

        var billing = await desk.TagIdAsync("billing");
        Assert.Equal(
            [
                new TagRow(billing, "billing", TagNames.ColorFor("billing"), null, 2, second),
                new TagRow(created.Value, "hardware", "#00ff00", "Printers, laptops, phones", 0, null),
                new TagRow(await desk.TagIdAsync("vpn"), "vpn", TagNames.ColorFor("vpn"), null, 1, first),
            ],
            byName.Value!);
        Assert.Equal(["billing", "vpn", "hardware"], mostUsed.Value!.Select(t => t.Name));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Statistics_count_a_tags_live_tickets_by_status_and_priority(DatabaseProvider provider)
    {
        await using var desk = await TagDesk.CreateAsync(templates, provider);
        await desk.TicketAsync("Invoice shows the wrong address", ["billing"], TicketStatus.Open, TicketPriority.High);
        await desk.TicketAsync("Refund for March", ["billing", "refunds"], TicketStatus.Open, TicketPriority.Low);
        await desk.TicketAsync("Double charge", ["billing"], TicketStatus.Resolved, TicketPriority.High);
        await desk.TicketAsync("Old complaint", ["billing"], TicketStatus.Closed, TicketPriority.Urgent, trashed: true);
        await desk.TicketAsync("Printer on floor 3 is jammed", ["hardware"], TicketStatus.Closed, TicketPriority.Urgent);
        var billing = await desk.TagIdAsync("billing");

        var statistics = (await desk.Catalog.StatisticsAsync(desk.Agent, billing, Cancel)).Value!;

        Assert.Equal(("billing", 3), (statistics.Name, statistics.Total));
        Assert.Equal(
            [
                new StatusCount(TicketStatus.Open, 2), new StatusCount(TicketStatus.InProgress, 0), new StatusCount(TicketStatus.WaitingOnCustomer, 0),
                new StatusCount(TicketStatus.Resolved, 1), new StatusCount(TicketStatus.Closed, 0),
            ],
            statistics.ByStatus);
        Assert.Equal(
            [new PriorityCount(TicketPriority.Low, 1), new PriorityCount(TicketPriority.Medium, 0), new PriorityCount(TicketPriority.High, 2), new PriorityCount(TicketPriority.Urgent, 0)],
            statistics.ByPriority);
        Assert.True((await desk.Catalog.StatisticsAsync(desk.Agent, billing + 1000, Cancel)).NotFound);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Creating_refuses_bad_input_with_a_message_per_field_and_changes_nothing(DatabaseProvider provider)
    {
        await using var desk = await TagDesk.CreateAsync(templates, provider);
        await desk.TicketAsync("Invoice shows the wrong address", ["billing"]);
        var before = await desk.TagsAsync();
        var lastEntry = await desk.LastEntryAsync();

        var taken = await desk.Catalog.CreateAsync(desk.Admin, new TagInput("  Billing ", "#123456", null), null, Cancel);
        var blank = await desk.Catalog.CreateAsync(desk.Admin, new TagInput("   ", "blue", new string('x', Tag.DescriptionMaxLength + 1)), null, Cancel);
        var tooLong = await desk.Catalog.CreateAsync(desk.Admin, new TagInput(new string('a', Tag.NameMaxLength + 1), "#12345", null), null, Cancel);

        Assert.Equal([new FieldError("name", "A tag named \"billing\" already exists.")], taken.Errors);
        Assert.Equal(
            [
                new FieldError("name", "Enter a name for the tag."),
                new FieldError("color", "Choose a colour written as #rrggbb, for example #1e88e5."),
                new FieldError("description", "Descriptions must be at most 500 characters."),
            ],
            blank.Errors);
        Assert.Equal(
            [new FieldError("name", "Tag names must be at most 50 characters."), new FieldError("color", "Choose a colour written as #rrggbb, for example #1e88e5.")],
            tooLong.Errors);
        Assert.Equal(before, await desk.TagsAsync());
        Assert.Empty(await desk.EntriesAfterAsync(lastEntry));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Editing_changes_the_tag_its_tickets_show_with_one_audit_entry_and_refuses_a_taken_name(DatabaseProvider provider)
    {
        await using var desk = await TagDesk.CreateAsync(templates, provider);
        var ticket = await desk.TicketAsync("Invoice shows the wrong address", ["billing", "vpn"]);
        var billing = await desk.TagIdAsync("billing");
        var before = await desk.TagsAsync();
        var lastEntry = await desk.LastEntryAsync();

        var refused = await desk.Catalog.UpdateAsync(desk.Admin, billing, new TagInput(" VPN", "#aa0000", "Money"), null, Cancel);
        Assert.Equal([new FieldError("name", "A tag named \"vpn\" already exists.")], refused.Errors);
        Assert.Equal(before, await desk.TagsAsync());
        Assert.Empty(await desk.EntriesAfterAsync(lastEntry));

        var source = new AuditSource(desk.Admin.UserId, "192.0.2.7", "Firefox/140");
        var saved = await desk.Catalog.UpdateAsync(desk.Admin, billing, new TagInput("Invoices", "#AA0000", " Money questions "), source, Cancel);
        var unchanged = await desk.Catalog.UpdateAsync(desk.Admin, billing, new TagInput("invoices", "#aa0000", "Money questions"), source, Cancel);

        Assert.True(saved.Succeeded && unchanged.Succeeded, saved.Message + unchanged.Message);
        Assert.Equal(["invoices", "vpn"], await desk.TagsOfAsync(ticket));
        var entry = Assert.Single(await desk.EntriesAfterAsync(lastEntry));
        Assert.Equal(("Tag", $"{billing}", AuditAction.Update, desk.Admin.UserId, "192.0.2.7"), (entry.EntityName, entry.RecordId, entry.Action, entry.UserId, entry.IpAddress));
        Assert.Equal(
            [new ChangeView("name", "billing", "invoices"), new ChangeView("color", TagNames.ColorFor("billing"), "#aa0000"), new ChangeView("description", null, "Money questions")],
            AuditChanges.Read(entry.Changes));
        Assert.True((await desk.Catalog.UpdateAsync(desk.Admin, billing + 1000, new TagInput("other", "#aa0000", null), null, Cancel)).NotFound);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Agents_read_tags_but_cannot_change_them_and_customers_cannot_read_them(DatabaseProvider provider)
    {
        await using var desk = await TagDesk.CreateAsync(templates, provider);
        var ticket = await desk.TicketAsync("Invoice shows the wrong address", ["billing", "invoices"]);
        var (billing, invoices) = (await desk.TagIdAsync("billing"), await desk.TagIdAsync("invoices"));
        var before = await desk.TagsAsync();
        var lastEntry = await desk.LastEntryAsync();

        ServiceResult[] refusals =
        [
            await desk.Catalog.CreateAsync(desk.Agent, new TagInput("hardware", "#00ff00", null), null, Cancel),
            await desk.Catalog.UpdateAsync(desk.Agent, billing, new TagInput("money", "#00ff00", null), null, Cancel),
            await desk.Catalog.DeleteAsync(desk.Agent, billing, null, Cancel),
            await desk.Catalog.MergeAsync(desk.Agent, billing, invoices, null, Cancel),
        ];

        Assert.All(refusals, r => Assert.Equal("Only admins can change tags.", r.Message));
        Assert.Equal(before, await desk.TagsAsync());
        Assert.Equal(["billing", "invoices"], await desk.TagsOfAsync(ticket));
        Assert.Empty(await desk.EntriesAfterAsync(lastEntry));
        Assert.Equal(2, (await desk.Catalog.ListAsync(desk.Agent, TagSort.Name, Cancel)).Value!.Count);
        var customer = desk.CustomerUser.AsActor(Roles.Customer);
        Assert.Equal("Only agents and admins can read tags.", (await desk.Catalog.ListAsync(customer, TagSort.Name, Cancel)).Message);
        Assert.Equal("Only agents and admins can read tags.", (await desk.Catalog.StatisticsAsync(customer, billing, Cancel)).Message);
    }
}
