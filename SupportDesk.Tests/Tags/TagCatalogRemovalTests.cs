using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Tags;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Tags;

public sealed class TagCatalogRemovalTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Deleting_a_tag_removes_its_links_only_and_audits_the_tag_and_each_ticket_that_lost_it(DatabaseProvider provider)
    {
        await using var desk = await TagDesk.CreateAsync(templates, provider);
        var both = await desk.TicketAsync("Invoice for the VPN licence", ["billing", "vpn"]);
        var only = await desk.TicketAsync("Refund for March", ["billing"]);
        var trashed = await desk.TicketAsync("Old complaint", ["billing"], trashed: true);
        var other = await desk.TicketAsync("VPN drops every hour", ["vpn"]);
        var billing = await desk.TagIdAsync("billing");
        var lastEntry = await desk.LastEntryAsync();
        desk.Database.Clock.Advance(TimeSpan.FromHours(1));
        var source = new AuditSource(desk.Admin.UserId, "192.0.2.7", "Firefox/140");

        var deleted = await desk.Catalog.DeleteAsync(desk.Admin, billing, source, Cancel);

        Assert.Equal(3, deleted.Value);
        Assert.Equal(["vpn"], (await desk.TagsAsync()).Select(t => t.Name));
        Assert.Equal(["vpn"], await desk.TagsOfAsync(both));
        Assert.Empty(await desk.TagsOfAsync(only));
        Assert.Empty(await desk.TagsOfAsync(trashed));
        Assert.Equal(["vpn"], await desk.TagsOfAsync(other));
        Assert.Equal(desk.Database.Clock.GetUtcNow().UtcDateTime, (await desk.ReadAsync(only)).UpdatedAt);
        Assert.NotEqual(desk.Database.Clock.GetUtcNow().UtcDateTime, (await desk.ReadAsync(other)).UpdatedAt);

        var entries = await desk.EntriesAfterAsync(lastEntry);
        Assert.All(entries, e => Assert.Equal((desk.Admin.UserId, "192.0.2.7", "Firefox/140"), (e.UserId, e.IpAddress, e.UserAgent)));
        var tag = Assert.Single(entries, e => e.EntityName == "Tag");
        Assert.Equal(($"{billing}", AuditAction.PermanentDelete), (tag.RecordId, tag.Action));
        Assert.Contains(new ChangeView("name", "billing", null), AuditChanges.Read(tag.Changes));
        Assert.Equal(
            ByNumber(
                (both.Number, new ChangeView("tags", "billing, vpn", "vpn")),
                (only.Number, new ChangeView("tags", "billing", "")),
                (trashed.Number, new ChangeView("tags", "billing", ""))),
            TicketChanges(entries));
        Assert.True((await desk.Catalog.DeleteAsync(desk.Admin, billing, null, Cancel)).NotFound);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Merging_gives_every_ticket_of_the_source_the_target_once_and_deletes_the_source(DatabaseProvider provider)
    {
        await using var desk = await TagDesk.CreateAsync(templates, provider);
        var both = await desk.TicketAsync("Invoice shows the wrong address", ["billing", "invoices"]);
        var source = await desk.TicketAsync("Refund for March", ["billing", "vpn"]);
        var target = await desk.TicketAsync("Invoice is missing", ["invoices"]);
        var trashed = await desk.TicketAsync("Old complaint", ["billing"], trashed: true);
        var (billing, invoices) = (await desk.TagIdAsync("billing"), await desk.TagIdAsync("invoices"));
        var lastEntry = await desk.LastEntryAsync();

        var merged = await desk.Catalog.MergeAsync(desk.Admin, billing, invoices, new AuditSource(desk.Admin.UserId), Cancel);

        Assert.Equal(3, merged.Value);
        Assert.Equal(["invoices", "vpn"], (await desk.TagsAsync()).Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["invoices"], await desk.TagsOfAsync(both));
        Assert.Equal(["invoices", "vpn"], await desk.TagsOfAsync(source));
        Assert.Equal(["invoices"], await desk.TagsOfAsync(target));
        Assert.Equal(["invoices"], await desk.TagsOfAsync(trashed));
        var listed = (await desk.Catalog.ListAsync(desk.Admin, TagSort.Name, Cancel)).Value!;
        Assert.Equal(3, listed.Single(t => t.Name == "invoices").TicketCount);

        var entries = await desk.EntriesAfterAsync(lastEntry);
        Assert.All(entries, e => Assert.Equal(desk.Admin.UserId, e.UserId));
        var tag = Assert.Single(entries, e => e.EntityName == "Tag");
        Assert.Equal(($"{billing}", AuditAction.Merge), (tag.RecordId, tag.Action));
        Assert.Equal([new ChangeView("mergedInto", "billing", "invoices")], AuditChanges.Read(tag.Changes));
        Assert.Equal(
            ByNumber(
                (both.Number, new ChangeView("tags", "billing, invoices", "invoices")),
                (source.Number, new ChangeView("tags", "billing, vpn", "invoices, vpn")),
                (trashed.Number, new ChangeView("tags", "billing", "invoices"))),
            TicketChanges(entries));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Merging_into_itself_or_into_a_missing_tag_is_refused_and_changes_nothing(DatabaseProvider provider)
    {
        await using var desk = await TagDesk.CreateAsync(templates, provider);
        var ticket = await desk.TicketAsync("Invoice shows the wrong address", ["billing", "invoices"]);
        var billing = await desk.TagIdAsync("billing");
        var missing = await desk.TagIdAsync("invoices") + 1000;
        var before = await desk.TagsAsync();
        var lastEntry = await desk.LastEntryAsync();

        var itself = await desk.Catalog.MergeAsync(desk.Admin, billing, billing, null, Cancel);
        var nowhere = await desk.Catalog.MergeAsync(desk.Admin, billing, missing, null, Cancel);
        var nothing = await desk.Catalog.MergeAsync(desk.Admin, missing, billing, null, Cancel);

        Assert.Equal([new FieldError("targetId", "A tag cannot be merged into itself; choose another tag.")], itself.Errors);
        Assert.Equal([new FieldError("targetId", "The tag to merge into does not exist any more; choose another tag.")], nowhere.Errors);
        Assert.True(nothing.NotFound);
        Assert.Equal(before, await desk.TagsAsync());
        Assert.Equal(["billing", "invoices"], await desk.TagsOfAsync(ticket));
        Assert.Empty(await desk.EntriesAfterAsync(lastEntry));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_merge_that_fails_midway_leaves_tags_links_tickets_and_trail_as_they_were(DatabaseProvider provider)
    {
        await using var desk = await TagDesk.CreateAsync(templates, provider);
        var moving = await desk.TicketAsync("Refund for March", ["billing"]);
        var both = await desk.TicketAsync("Invoice shows the wrong address", ["billing", "invoices"]);
        var (billing, invoices) = (await desk.TagIdAsync("billing"), await desk.TagIdAsync("invoices"));
        var before = await desk.TagsAsync();
        var updatedAt = (await desk.ReadAsync(moving)).UpdatedAt;
        var lastEntry = await desk.LastEntryAsync();
        desk.Database.Clock.Advance(TimeSpan.FromHours(1));
        await desk.Database.BreakInsertsAsync("ticket_tags");

        await Assert.ThrowsAsync<DbUpdateException>(() => desk.Catalog.MergeAsync(desk.Admin, billing, invoices, null, Cancel));

        Assert.Equal(before, await desk.TagsAsync());
        Assert.Equal(["billing"], await desk.TagsOfAsync(moving));
        Assert.Equal(["billing", "invoices"], await desk.TagsOfAsync(both));
        Assert.Equal(updatedAt, (await desk.ReadAsync(moving)).UpdatedAt);
        Assert.Empty(await desk.EntriesAfterAsync(lastEntry));
    }

    /// <summary>The single change each ticket's entry records, by ticket number.</summary>
    private static List<(string Number, ChangeView Change)> TicketChanges(List<AuditEntry> entries) =>
        ByNumber([.. entries.Where(e => e.EntityName == "Ticket").Select(e => (e.TicketNumber!, Assert.Single(AuditChanges.Read(e.Changes))))]);

    private static List<(string Number, ChangeView Change)> ByNumber(params (string Number, ChangeView Change)[] changes) =>
        [.. changes.OrderBy(c => c.Number, StringComparer.Ordinal)];
}
