using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Attachments;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Attachments;

public sealed class DatabaseAttachmentStoreTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_file_is_kept_in_slices_under_a_random_key_that_owes_nothing_to_its_name(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = (await database.UserAsync(Roles.Customer)).AsActor(Roles.Customer);

        await database.Get<TicketCreation>().CreateAsync(customer, new NewTicket(
            "Export is corrupt", "The CSV export has broken lines.", Attachments: [TestFiles.Generated("../../export.csv", 600_000, out _, "text/csv")]), null, Cancel);

        await using var db = await database.ContextAsync();
        var row = await db.Attachments.SingleAsync(Cancel);
        Assert.True(StorageKeys.IsWellFormed(row.StorageKey));
        Assert.DoesNotContain("export", row.StorageKey, StringComparison.OrdinalIgnoreCase);
        var chunks = await db.AttachmentChunks.Where(c => c.StorageKey == row.StorageKey).OrderBy(c => c.Index)
            .Select(c => new { c.Index, c.Data.Length }).ToListAsync(Cancel);
        Assert.Equal([(0, 262_144), (1, 262_144), (2, 75_712)], chunks.Select(c => (c.Index, c.Length)));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Deleting_a_ticket_for_good_removes_the_bytes_of_its_files_and_leaves_other_tickets_files(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var creator = await database.UserAsync(Roles.Customer);
        var customer = creator.AsActor(Roles.Customer);
        var admin = (await database.UserAsync(Roles.Admin)).AsActor(Roles.Admin);
        var creation = database.Get<TicketCreation>();
        var doomed = await creation.CreateAsync(customer, new NewTicket("Old printer issue", "Printer on floor 3 again.", Attachments: [TestFiles.Png()]), null, Cancel);
        var kept = await creation.CreateAsync(customer, new NewTicket("New laptop request", "My laptop is five years old.", Attachments: [TestFiles.Png()]), null, Cancel);
        await database.Get<TicketComments>().AddAsync(
            customer, doomed.Value!.Number, new NewComment("More detail", false, Guid.NewGuid(), [TestFiles.Text("more.txt", "details")]), null, Cancel);
        var trash = database.Get<TicketTrash>();

        Assert.True((await trash.SoftDeleteAsync(admin, doomed.Value.Number, null, Cancel)).Succeeded);
        await using (var db = await database.ContextAsync())
        {
            Assert.Equal(3, await db.AttachmentChunks.CountAsync(Cancel));
        }

        Assert.True((await trash.DeletePermanentlyAsync(admin, doomed.Value.Number, null, Cancel)).Succeeded);

        await using var after = await database.ContextAsync();
        var remaining = await after.Attachments.SingleAsync(Cancel);
        Assert.Equal(kept.Value!.Id, remaining.TicketId);
        Assert.Equal([remaining.StorageKey], await after.AttachmentChunks.Select(c => c.StorageKey).ToListAsync(Cancel));
    }
}
