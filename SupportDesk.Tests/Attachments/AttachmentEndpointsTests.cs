using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Data.Access;
using SupportDesk.Data.Attachments;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Attachments;

/// <summary><c>GET /attachments/{id}</c> on the real app, for users signed in through the login form.</summary>
public sealed class AttachmentEndpointsTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task The_owner_and_agents_download_a_file_and_another_customer_gets_not_found(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        await using var app = new SupportDeskApp(database.Options);
        var carla = await app.AccountAsync("carla@example.test", Roles.Customer);
        await app.AccountAsync("dave@example.test", Roles.Customer);
        await app.AccountAsync("alex@example.test", Roles.Agent);
        using var carlaClient = await app.SignInAsync("carla@example.test");
        using var daveClient = await app.SignInAsync("dave@example.test");
        using var agentClient = await app.SignInAsync("alex@example.test");
        var files = await TicketFilesAsync(
            app, carla, TestFiles.Png(), TestFiles.Text("logo.svg", TestFiles.ScriptedSvg, claimed: "image/svg+xml"), TestFiles.Text("résumé \"final\";.txt", "cv"));

        using (var svg = await GetAsync(carlaClient, files[1].Id))
        {
            Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
            Assert.Equal(Encoding.UTF8.GetBytes(TestFiles.ScriptedSvg), await svg.Content.ReadAsByteArrayAsync(Cancel));
            Assert.Equal("application/octet-stream", svg.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", svg.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("logo.svg", svg.Content.Headers.ContentDisposition?.FileNameStar);
            Assert.Equal(["nosniff"], svg.Headers.GetValues("X-Content-Type-Options"));
            Assert.Equal(["default-src 'none'; sandbox"], svg.Headers.GetValues("Content-Security-Policy"));
            Assert.True(svg.Headers.CacheControl?.Private);
        }

        using (var quoted = await GetAsync(carlaClient, files[2].Id))
        {
            Assert.Equal("résumé \"final\";.txt", quoted.Content.Headers.ContentDisposition?.FileNameStar);
            Assert.Equal("text/plain", quoted.Content.Headers.ContentType?.MediaType);
        }

        using (var png = await GetAsync(agentClient, files[0].Id))
        {
            Assert.Equal(HttpStatusCode.OK, png.StatusCode);
            Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TestFiles.PngBytes, await png.Content.ReadAsByteArrayAsync(Cancel));
        }

        using var forDave = await GetAsync(daveClient, files[0].Id);
        using var missing = await GetAsync(carlaClient, files[1].Id + 1000);
        Assert.Equal(HttpStatusCode.NotFound, forDave.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Null(forDave.Content.Headers.ContentDisposition);
    }

    [Fact]
    public async Task Html_or_script_claiming_to_be_an_image_or_text_is_served_only_as_a_download()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        await using var app = new SupportDeskApp(database.Options);
        var carla = await app.AccountAsync("carla@example.test", Roles.Customer);
        using var client = await app.SignInAsync("carla@example.test");
        const string Page = "<!DOCTYPE html><html><body><img src=x onerror=\"alert(document.cookie)\"><script>alert(1)</script></body></html>";
        var files = await TicketFilesAsync(app, carla, TestFiles.Text("photo.png", Page, claimed: "image/png"), TestFiles.Text("notes.txt", Page),
            TestFiles.Text("page.html", Page, claimed: "text/html"), TestFiles.Text("icon.png", TestFiles.ScriptedSvg, claimed: "image/png"));

        foreach (var file in files)
        {
            using var response = await GetAsync(client, file.Id);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal(file.FileName, response.Content.Headers.ContentDisposition?.FileNameStar);
            Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
            Assert.Equal(["default-src 'none'; sandbox"], response.Headers.GetValues("Content-Security-Policy"));
        }
    }

    [Fact]
    public async Task A_file_on_an_internal_note_is_not_found_for_the_customer_but_served_to_staff()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        await using var app = new SupportDeskApp(database.Options);
        var carla = await app.AccountAsync("carla@example.test", Roles.Customer);
        var alex = await app.AccountAsync("alex@example.test", Roles.Agent);
        using var carlaClient = await app.SignInAsync("carla@example.test");
        using var agentClient = await app.SignInAsync("alex@example.test");
        var number = (await CreateAsync(app, carla)).Number;
        var agent = new Actor(alex.Id, ActorRole.Agent);
        var note = await app.Services.GetRequiredService<TicketComments>().AddAsync(
            agent, number, new NewComment("Customer is on the legacy plan.", IsInternal: true, Guid.NewGuid(), [TestFiles.Text("contract.txt", "legacy plan")]), null, Cancel);
        Assert.True(note.Succeeded, note.Message);
        var details = await app.Services.GetRequiredService<TicketQueries>().GetAsync(agent, number, Cancel);
        var id = details.Value!.Comments.Single().Attachments.Single().Id;

        using var forCustomer = await GetAsync(carlaClient, id);
        using var forAgent = await GetAsync(agentClient, id);

        Assert.Equal(HttpStatusCode.NotFound, forCustomer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, forAgent.StatusCode);
        Assert.Equal("legacy plan", await forAgent.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task A_signed_out_visitor_is_sent_to_log_in_instead_of_getting_the_file()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        await using var app = new SupportDeskApp(database.Options);
        var carla = await app.AccountAsync("carla@example.test", Roles.Customer);
        var files = await TicketFilesAsync(app, carla, TestFiles.Png());
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await GetAsync(anonymous, files[0].Id);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_folder_storage_files_live_in_the_folder_under_random_names_and_are_served_from_there()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var folder = Directory.CreateTempSubdirectory("supportdesk-app-files-");
        try
        {
            await using var app = new SupportDeskApp(database.Options, new Dictionary<string, string>
            {
                ["Attachments:Storage"] = "Folder",
                ["Attachments:Folder"] = folder.FullName,
                ["Attachments:MaxFileBytes"] = "1000",
            });
            var carla = await app.AccountAsync("carla@example.test", Roles.Customer);
            using var client = await app.SignInAsync("carla@example.test");
            var creator = new Actor(carla.Id, ActorRole.Customer);
            var creation = app.Services.GetRequiredService<TicketCreation>();

            var files = await TicketFilesAsync(app, carla, TestFiles.Text("../../../etc/passwd", "root:x:0:0"));
            var tooBig = await creation.CreateAsync(creator, Valid([TestFiles.Generated("dump.txt", 1001, out _, "text/plain")]), null, Cancel);

            Assert.Equal("dump.txt is larger than the 1000 bytes limit for attachments.", tooBig.Message);
            await using (var db = await database.ContextAsync())
            {
                Assert.Equal((1, 1), (await db.Tickets.CountAsync(Cancel), await db.Attachments.CountAsync(Cancel)));
            }

            Assert.Equal("passwd", files[0].FileName);
            var stored = Assert.Single(Directory.GetFiles(folder.FullName, "*", SearchOption.AllDirectories));
            Assert.True(StorageKeys.IsWellFormed(Path.GetFileName(stored)));
            using var download = await GetAsync(client, files[0].Id);
            Assert.Equal("root:x:0:0", await download.Content.ReadAsStringAsync(Cancel));
            Assert.Equal("passwd", download.Content.Headers.ContentDisposition?.FileNameStar);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static NewTicket Valid(IReadOnlyList<IncomingFile> files) =>
        new("Cannot download my invoice", "The download button on the billing page does nothing.", Attachments: files);

    private static async Task<CreatedTicket> CreateAsync(SupportDeskApp app, AppUser creator, params IncomingFile[] files)
    {
        var created = await app.Services.GetRequiredService<TicketCreation>().CreateAsync(new Actor(creator.Id, ActorRole.Customer), Valid(files), null, Cancel);
        Assert.True(created.Succeeded, created.Message);
        return created.Value!;
    }

    private static async Task<IReadOnlyList<AttachmentView>> TicketFilesAsync(SupportDeskApp app, AppUser creator, params IncomingFile[] files)
    {
        var created = await CreateAsync(app, creator, files);
        var details = await app.Services.GetRequiredService<TicketQueries>().GetAsync(new Actor(creator.Id, ActorRole.Customer), created.Number, Cancel);
        return details.Value!.Attachments;
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, long id) =>
        client.GetAsync(new Uri($"/attachments/{id}", UriKind.Relative), Cancel);
}
