using SupportDesk.Data.Access;
using SupportDesk.Data.Attachments;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Attachments;

/// <summary>Who may open which file: the ticket's visibility rule, plus internal notes staying with staff.</summary>
public sealed class AttachmentDownloadsTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Another_customers_file_looks_exactly_like_a_missing_one(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = (await database.UserAsync(Roles.Customer, "Carla")).AsActor(Roles.Customer);
        var dave = (await database.UserAsync(Roles.Customer, "Dave")).AsActor(Roles.Customer);
        var agent = (await database.UserAsync(Roles.Agent)).AsActor(Roles.Agent);
        var id = await TicketFileAsync(database, carla);
        var downloads = database.Get<AttachmentDownloads>();

        var forDave = await downloads.FindAsync(dave, id, Cancel);
        var missing = await downloads.FindAsync(carla, id + 1000, Cancel);

        var forCarla = (await downloads.FindAsync(carla, id, Cancel)).Value!;
        Assert.Equal(("screenshot.png", "image/png", TestFiles.PngBytes.LongLength), (forCarla.FileName, forCarla.ContentType, forCarla.SizeBytes));
        Assert.True((await downloads.FindAsync(agent, id, Cancel)).Succeeded);
        Assert.True(forDave.NotFound);
        Assert.True(missing.NotFound);
        Assert.Equal(missing.Errors, forDave.Errors);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_file_on_an_internal_note_is_for_staff_only_in_the_thread_and_as_a_download(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var creator = await database.UserAsync(Roles.Customer);
        var customer = creator.AsActor(Roles.Customer);
        var agent = (await database.UserAsync(Roles.Agent)).AsActor(Roles.Agent);
        var ticket = await database.TicketAsync(creator);
        var comments = database.Get<TicketComments>();
        await comments.AddAsync(agent, ticket.Number, new NewComment("Please try this build.", false, Guid.NewGuid(), [TestFiles.Text("steps.txt", "1. reinstall")]), null, Cancel);
        await comments.AddAsync(agent, ticket.Number, new NewComment("Their plan is legacy.", true, Guid.NewGuid(), [TestFiles.Text("contract.txt", "CANARY-41 legacy plan")]), null, Cancel);
        var queries = database.Get<TicketQueries>();
        var downloads = database.Get<AttachmentDownloads>();

        var staffView = (await queries.GetAsync(agent, ticket.Number, Cancel)).Value!;
        var customerView = (await queries.GetAsync(customer, ticket.Number, Cancel)).Value!;

        var note = Assert.Single(staffView.Comments, c => c.IsInternal).Attachments.Single();
        Assert.Equal("contract.txt", note.FileName);
        Assert.Equal(["steps.txt"], customerView.Comments.SelectMany(c => c.Attachments).Select(a => a.FileName));
        Assert.True((await downloads.FindAsync(customer, note.Id, Cancel)).NotFound);
        Assert.True((await downloads.FindAsync(agent, note.Id, Cancel)).Succeeded);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Files_of_a_ticket_in_the_trash_cannot_be_downloaded_by_anyone(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = (await database.UserAsync(Roles.Customer)).AsActor(Roles.Customer);
        var admin = (await database.UserAsync(Roles.Admin)).AsActor(Roles.Admin);
        var id = await TicketFileAsync(database, customer);
        var number = (await database.Get<QueueQueries>().ListAsync(customer, new QueueFilter(), new QueueSort(), new QueuePaging(), Cancel)).Items.Single().Number;

        Assert.True((await database.Get<TicketTrash>().SoftDeleteAsync(admin, number, null, Cancel)).Succeeded);

        Assert.True((await database.Get<AttachmentDownloads>().FindAsync(customer, id, Cancel)).NotFound);
        Assert.True((await database.Get<AttachmentDownloads>().FindAsync(admin, id, Cancel)).NotFound);
    }

    private static async Task<long> TicketFileAsync(TestDatabase database, Actor creator)
    {
        var created = await database.Get<TicketCreation>().CreateAsync(
            creator, new NewTicket("Screen goes blank", "After login the screen turns blank.", Attachments: [TestFiles.Png()]), null, Cancel);
        var details = await database.Get<TicketQueries>().GetAsync(creator, created.Value!.Number, Cancel);
        return details.Value!.Attachments.Single().Id;
    }
}
