using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Drafts;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Tags;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Security;

/// <summary>
/// Text an attacker would type into every field: markup and SQL are stored exactly as sent (showing it inert is the
/// pages' job), while text no engine can store faithfully (control characters, broken characters) or too much of it
/// is refused with a message, changing nothing.
/// </summary>
public sealed class HostileTextTests(DatabaseTemplates templates)
{
    internal const string Script = "<script>alert('title')</script>";
    internal const string Sql = "'; DROP TABLE tickets; --";

    private const string Markup =
        "<img src=x onerror=alert(1)> [click me](javascript:alert(2)) <a href=\"javascript:alert(3)\">link</a>\n"
        + "<svg onload=alert(4)><script>alert(5)</script></svg>\n\tTabbed line with 😀 and \"quotes\" & ampersands";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Markup_script_and_sql_looking_text_come_back_exactly_as_sent_from_every_field(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = (await database.UserAsync(Roles.Customer, "Carla")).AsActor(Roles.Customer);
        var admin = (await database.UserAsync(Roles.Admin, "Ada")).AsActor(Roles.Admin);
        var customFields = JsonSerializer.Serialize(new Dictionary<string, string> { ["<b onmouseover=alert(6)>"] = "javascript:alert(7)", [Sql] = Script });

        var created = await database.Get<TicketCreation>().CreateAsync(customer, new NewTicket(
            $"{Script} {Sql}", Markup, Category: "<i>billing</i>", Tags: ["<script>x</script>", Sql], CustomFields: customFields), null, Cancel);
        Assert.True(created.Succeeded, created.Message);
        var number = created.Value!.Number;
        var reply = await database.Get<TicketComments>().AddAsync(customer, number, new NewComment(Markup, IsInternal: false, Guid.NewGuid()), null, Cancel);
        Assert.True(reply.Succeeded, reply.Message);
        var tag = await database.Get<TagCatalog>().CreateAsync(admin, new TagInput("<svg onload=alert(8)>", "#1e88e5", Markup), null, Cancel);
        Assert.True(tag.Succeeded, tag.Message);

        var details = (await database.Get<TicketQueries>().GetAsync(customer, number, Cancel)).Value!;
        Assert.Equal($"{Script} {Sql}", details.Title);
        Assert.Equal(Markup, details.Description);
        Assert.Equal("<i>billing</i>", details.Category);
        Assert.Equal(["'; drop table tickets; --", "<script>x</script>"], details.Tags.Order(StringComparer.Ordinal));
        Assert.Equal(
            JsonSerializer.Deserialize<Dictionary<string, string>>(customFields),
            JsonSerializer.Deserialize<Dictionary<string, string>>(details.CustomFields));
        Assert.Equal(Markup, Assert.Single(details.Comments).Content);
        var tagRow = Assert.Single((await database.Get<TagCatalog>().ListAsync(admin, TagSort.Name, Cancel)).Value!, t => t.Id == tag.Value);
        Assert.Equal(("<svg onload=alert(8)>", Markup), (tagRow.Name, tagRow.Description));

        // The same text as a search is only words to look for: it finds the ticket and drops nothing.
        var found = await database.Get<QueueQueries>().ListAsync(admin, new QueueFilter { Text = "DROP TABLE tickets" }, new QueueSort(), new QueuePaging(25), Cancel);
        Assert.Equal([number], found.Items.Select(t => t.Number));
        await database.Get<QueueQueries>().ListAsync(admin, new QueueFilter { Text = Sql + " \" * NEAR( ) ^ :" }, new QueueSort(), new QueuePaging(25), Cancel);
        await using var db = await database.ContextAsync();
        Assert.Equal(1, await db.Tickets.CountAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Control_characters_broken_characters_and_overlong_text_are_refused_with_a_message_and_change_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = await database.UserAsync(Roles.Customer, "Carla");
        var customer = carla.AsActor(Roles.Customer);
        var agent = (await database.UserAsync(Roles.Agent, "Maya")).AsActor(Roles.Agent);
        var admin = (await database.UserAsync(Roles.Admin, "Ada")).AsActor(Roles.Admin);
        var ticket = await database.TicketAsync(carla);
        var valid = new NewTicket("Printer jams on tray 2", "Every second page jams since Monday.");
        var before = await SnapshotAsync(database);
        var creation = database.Get<TicketCreation>();

        (string Field, string Message)[] Refusal(ServiceResult result) => [.. result.Errors.Select(e => (e.Field, e.Message))];

        Assert.Equal(
            [("title", "The title contains an invisible control character (U+0000); remove it and try again.")],
            Refusal(await creation.CreateAsync(customer, valid with { Title = "Printer\0 jams" }, null, Cancel)));
        Assert.Equal(
            [("title", "The title contains a broken character (half of an emoji or symbol); type it again.")],
            Refusal(await creation.CreateAsync(customer, valid with { Title = "Printer jams \uD83D" }, null, Cancel)));
        Assert.Equal(
            [("description", "The description contains an invisible control character (U+001B); remove it and try again.")],
            Refusal(await creation.CreateAsync(customer, valid with { Description = "It prints \u001b[31mred garbage." }, null, Cancel)));
        Assert.Equal(
            [("description", "The description contains a broken character (half of an emoji or symbol); type it again.")],
            Refusal(await creation.CreateAsync(customer, valid with { Description = "Every page \uDE00 jams." }, null, Cancel)));
        Assert.Equal(
            [("description", "Description must be at most 20,000 characters.")],
            Refusal(await creation.CreateAsync(customer, valid with { Description = new string('x', TicketRules.DescriptionMaxLength + 1) }, null, Cancel)));
        Assert.Equal(
            [("category", "The category contains an invisible control character (U+0085); remove it and try again.")],
            Refusal(await creation.CreateAsync(customer, valid with { Category = "Bill\u0085ing" }, null, Cancel)));
        Assert.Equal(
            [("tags", "A tag name contains an invisible control character (U+0007); remove it and try again.")],
            Refusal(await creation.CreateAsync(customer, valid with { Tags = ["vpn", "be\u0007ll"] }, null, Cancel)));
        Assert.Equal(
            [("customFields", "A custom field value contains an invisible control character (U+0000); remove it and try again.")],
            Refusal(await creation.CreateAsync(customer, valid with { CustomFields = "{\"order\": \"A-1\\u0000\"}" }, null, Cancel)));
        Assert.Equal(
            [("customFields", "The custom-fields text contains a broken character (half of an emoji or symbol); type it again.")],
            Refusal(await creation.CreateAsync(customer, valid with { CustomFields = "{\"order\": \"\\ud800\"}" }, null, Cancel)));
        Assert.Equal(
            [("customFields", "A custom field name contains an invisible control character (U+000A); remove it and try again.")],
            Refusal(await creation.CreateAsync(customer, valid with { CustomFields = "{\"line\\nbreak\": \"x\"}" }, null, Cancel)));
        Assert.Equal(
            [("customFields", "Custom fields must be at most 10,000 characters of JSON.")],
            Refusal(await creation.CreateAsync(customer, valid with { CustomFields = JsonSerializer.Serialize(new { notes = new string('n', 10_000) }) }, null, Cancel)));

        var comments = database.Get<TicketComments>();
        Assert.Equal(
            [("content", "The text contains an invisible control character (U+0000); remove it and try again.")],
            Refusal(await comments.AddAsync(customer, ticket.Number, new NewComment("Still\0 broken", false, Guid.NewGuid()), null, Cancel)));
        Assert.Equal(
            [("content", "The text contains a broken character (half of an emoji or symbol); type it again.")],
            Refusal(await database.Get<ReplyDrafts>().SaveAsync(customer, ticket.Number, "Half a smile \uD83D", isInternal: false, Cancel)));

        Assert.Equal(
            [("customFields", "A custom field value contains an invisible control character (U+0000); remove it and try again.")],
            Refusal(await database.Get<TicketFieldChanges>().UpdateAsync(agent, ticket.Number, new TicketFieldsUpdate(CustomFields: "{\"a\": \"\\u0000\"}"), null, null, Cancel)));
        Assert.Equal(
            [("tags", "A tag name contains a broken character (half of an emoji or symbol); type it again.")],
            Refusal(await database.Get<TicketFieldChanges>().UpdateAsync(agent, ticket.Number, new TicketFieldsUpdate(Tags: ["\uDC00"]), null, null, Cancel)));
        Assert.Equal(
            [("customFields", "A custom field value contains an invisible control character (U+0000); remove it and try again.")],
            Refusal(await database.Get<BulkActions>().MergeCustomFieldsAsync(
                agent, BulkTarget.Tickets(ticket.Number), new Dictionary<string, string?> { ["order"] = "\0" }, null, Cancel)));

        var tags = database.Get<TagCatalog>();
        Assert.Equal(
            [("name", "A tag name contains an invisible control character (U+0000); remove it and try again.")],
            Refusal(await tags.CreateAsync(admin, new TagInput("v\0pn", "#1e88e5", null), null, Cancel)));
        Assert.Equal(
            [("description", "The description contains a broken character (half of an emoji or symbol); type it again.")],
            Refusal(await tags.CreateAsync(admin, new TagInput("vpn", "#1e88e5", "Remote access \uD800"), null, Cancel)));

        Assert.Equal(before, await SnapshotAsync(database));
    }

    [Fact]
    public async Task The_api_refuses_invalid_utf8_and_escaped_broken_characters_without_storing_anything()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        await using var app = new SupportDeskApp(database.Options);
        using var client = await app.ApiClientAsync(await app.AccountAsync("carla@example.test", Roles.Customer));
        byte[] invalidUtf8 = [.. "{\"title\": \"Printer jams "u8, 0xC3, 0x28, .. "\", \"description\": \"Every second page jams.\"}"u8];

        using var raw = new ByteArrayContent(invalidUtf8);
        raw.Headers.ContentType = new("application/json");
        using var broken = await client.PostAsync(new Uri("/api/tickets", UriKind.Relative), raw, Cancel);
        // Written by hand: a serializer would replace the lone surrogate before sending it.
        using var json = new StringContent("{\"title\": \"Printer jams \\ud800\", \"description\": \"Every second page jams.\"}", Encoding.UTF8, "application/json");
        using var escaped = await client.PostAsync(new Uri("/api/tickets", UriKind.Relative), json, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, escaped.StatusCode);
        await using var db = await database.ContextAsync();
        Assert.False(await db.Tickets.AnyAsync(Cancel));
    }

    /// <summary>Everything a refused change could have touched.</summary>
    private static async Task<string> SnapshotAsync(TestDatabase database)
    {
        await using var db = await database.ContextAsync();
        var tickets = await db.Tickets.OrderBy(t => t.Id).Select(t => new { t.Title, t.Description, t.Category, t.CustomFields, t.Version }).ToListAsync(Cancel);
        return JsonSerializer.Serialize(new
        {
            tickets,
            Comments = await db.Comments.CountAsync(Cancel),
            Drafts = await db.ReplyDrafts.CountAsync(Cancel),
            Tags = await db.Tags.Select(t => t.Name).OrderBy(n => n).ToListAsync(Cancel),
            Links = await db.TicketTags.CountAsync(Cancel),
            Audit = await db.AuditEntries.CountAsync(Cancel),
        });
    }
}
