using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SupportDesk.Data;
using SupportDesk.Data.Attachments;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Attachments;

/// <summary>Files sent with a new ticket or a reply, on the default database store.</summary>
public sealed class AttachmentUploadsTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static NewTicket Ticket(params IncomingFile[] files) =>
        new("Cannot download my invoice", "The download button on the billing page does nothing.", Attachments: files);

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Files_sent_with_a_new_ticket_keep_a_clean_name_a_checked_type_and_their_exact_bytes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = (await database.UserAsync(Roles.Customer)).AsActor(Roles.Customer);
        var log = TestFiles.Generated("server.log", 600_000, out _, claimed: "text/plain");

        var created = await database.Get<TicketCreation>().CreateAsync(customer, Ticket(
            TestFiles.Png("../../screens/shot.png"),
            TestFiles.Text("logo.svg", TestFiles.ScriptedSvg, claimed: "image/svg+xml"),
            log), null, Cancel);

        Assert.True(created.Succeeded, created.Message);
        var details = (await database.Get<TicketQueries>().GetAsync(customer, created.Value!.Number, Cancel)).Value!;
        Assert.Equal(
            [("shot.png", TestFiles.PngBytes.LongLength, "image/png"), ("logo.svg", Encoding.UTF8.GetByteCount(TestFiles.ScriptedSvg), AttachmentContentTypes.Download), ("server.log", 600_000L, "text/plain")],
            details.Attachments.Select(a => (a.FileName, a.SizeBytes, a.ContentType)));
        Assert.Equal(TestFiles.PngBytes, await DownloadAsync(database, customer, details.Attachments[0].Id));
        Assert.Equal(TestFiles.GeneratedBytes(600_000), await DownloadAsync(database, customer, details.Attachments[2].Id));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task An_over_size_file_is_refused_with_a_message_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = (await database.UserAsync(Roles.Customer)).AsActor(Roles.Customer);
        var big = TestFiles.Generated("backup.zip", 50L * 1024 * 1024, out var stream);

        var result = await database.Get<TicketCreation>().CreateAsync(customer, Ticket(TestFiles.Png(), big), null, Cancel);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("attachments", "backup.zip is larger than the 10 MB limit for attachments."), (error.Field, error.Message));
        Assert.InRange(stream.Handed, AttachmentOptions.DefaultMaxFileBytes + 1, AttachmentOptions.DefaultMaxFileBytes + DatabaseAttachmentStore.ChunkBytes);
        await AssertNothingStoredAsync(database);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task An_upload_that_breaks_part_way_leaves_no_bytes_behind(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = (await database.UserAsync(Roles.Customer)).AsActor(Roles.Customer);

        await Assert.ThrowsAsync<IOException>(() => database.Get<TicketCreation>().CreateAsync(
            customer, Ticket(TestFiles.Png(), TestFiles.Broken("video.mp4", 2_000_000, breakAfter: 700_000)), null, Cancel));

        await AssertNothingStoredAsync(database);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task When_the_ticket_cannot_be_saved_its_stored_files_are_removed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        var existing = await database.TicketAsync(customer);
        var creation = new TicketCreation(
            database.Get<IDbContextFactory<SupportDbContext>>(), new TakenNumber(existing.Number), database.Clock, database.Get<AttachmentUploads>(), NullLogger<TicketCreation>.Instance);

        await Assert.ThrowsAsync<DbUpdateException>(() => creation.CreateAsync(
            customer.AsActor(Roles.Customer), Ticket(TestFiles.Png(), TestFiles.Generated("trace.txt", 300_000, out _)), null, Cancel));

        await using var db = await database.ContextAsync();
        Assert.Equal(1, await db.Tickets.CountAsync(Cancel));
        Assert.False(await db.Attachments.AnyAsync(Cancel));
        Assert.False(await db.AttachmentChunks.AnyAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_ticket_refused_for_its_fields_stores_none_of_its_files(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = (await database.UserAsync(Roles.Customer)).AsActor(Roles.Customer);

        var result = await database.Get<TicketCreation>().CreateAsync(customer, Ticket(TestFiles.Png()) with { Title = "Hi" }, null, Cancel);

        Assert.Equal("title", Assert.Single(result.Errors).Field);
        await AssertNothingStoredAsync(database);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task More_than_ten_files_at_once_are_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = (await database.UserAsync(Roles.Customer)).AsActor(Roles.Customer);

        var result = await database.Get<TicketCreation>().CreateAsync(
            customer, Ticket([.. Enumerable.Range(1, 11).Select(i => TestFiles.Png($"shot-{i}.png"))]), null, Cancel);

        Assert.Equal("Attach at most 10 files at once.", Assert.Single(result.Errors).Message);
        await AssertNothingStoredAsync(database);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Files_on_a_reply_belong_to_it_and_a_resent_reply_stores_them_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var creator = await database.UserAsync(Roles.Customer);
        var customer = creator.AsActor(Roles.Customer);
        var ticket = await database.TicketAsync(creator);
        var comments = database.Get<TicketComments>();
        var reply = new NewComment("Here is the screenshot.", IsInternal: false, Guid.NewGuid(), [TestFiles.Png()]);

        var first = await comments.AddAsync(customer, ticket.Number, reply, null, Cancel);
        var again = await comments.AddAsync(customer, ticket.Number, reply, null, Cancel);

        Assert.True(again.Value!.Repeated);
        var details = (await database.Get<TicketQueries>().GetAsync(customer, ticket.Number, Cancel)).Value!;
        Assert.Empty(details.Attachments);
        var comment = Assert.Single(details.Comments);
        Assert.Equal(first.Value!.Id, comment.Id);
        Assert.Equal("screenshot.png", Assert.Single(comment.Attachments).FileName);
        await using var db = await database.ContextAsync();
        Assert.Equal(1, await db.AttachmentChunks.Select(c => c.StorageKey).Distinct().CountAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_reply_refused_for_its_ticket_stores_none_of_its_files(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var owner = await database.UserAsync(Roles.Customer, "Carla");
        var other = (await database.UserAsync(Roles.Customer, "Dave")).AsActor(Roles.Customer);
        var ticket = await database.TicketAsync(owner);

        var result = await database.Get<TicketComments>().AddAsync(
            other, ticket.Number, new NewComment("Let me in", IsInternal: false, Guid.NewGuid(), [TestFiles.Png()]), null, Cancel);

        Assert.True(result.NotFound);
        await using var db = await database.ContextAsync();
        Assert.False(await db.Comments.AnyAsync(Cancel));
        Assert.False(await db.Attachments.AnyAsync(Cancel));
        Assert.False(await db.AttachmentChunks.AnyAsync(Cancel));
    }

    private static async Task<byte[]> DownloadAsync(TestDatabase database, Data.Access.Actor actor, long id)
    {
        var downloads = database.Get<AttachmentDownloads>();
        var file = (await downloads.FindAsync(actor, id, Cancel)).Value!;
        using var copy = new MemoryStream();
        await downloads.CopyToAsync(file, copy, Cancel);
        return copy.ToArray();
    }

    private static async Task AssertNothingStoredAsync(TestDatabase database)
    {
        await using var db = await database.ContextAsync();
        Assert.False(await db.Tickets.AnyAsync(Cancel));
        Assert.False(await db.Attachments.AnyAsync(Cancel));
        Assert.False(await db.AttachmentChunks.AnyAsync(Cancel));
    }

    private sealed class TakenNumber(string number) : TicketNumbers
    {
        public override string Allocate(DateTime utcNow) => number;
    }
}
