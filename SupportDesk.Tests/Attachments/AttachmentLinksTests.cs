using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Attachments;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.Components.Tickets;

namespace SupportDesk.Tests.Attachments;

/// <summary>Attachments on the ticket page: listed as download links, and sent with a reply.</summary>
public sealed class AttachmentLinksTests(DatabaseTemplates templates)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_ticket_and_each_reply_list_their_files_as_download_links_with_sizes_and_notes_files_stay_with_staff()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var agent = (await database.UserAsync(Roles.Agent, "Alex")).AsActor(Roles.Agent);
        var created = await database.Get<TicketCreation>().CreateAsync(customer.AsActor(Roles.Customer), new NewTicket(
            "Screen goes blank", "After login the screen turns blank.", Attachments: [TestFiles.Png("blank screen.png")]), null, Cancel);
        var number = created.Value!.Number;
        var comments = database.Get<TicketComments>();
        await comments.AddAsync(agent, number, new NewComment("Please follow these steps.", false, Guid.NewGuid(), [TestFiles.Text("steps.txt", "1. reinstall")]), null, Cancel);
        await comments.AddAsync(agent, number, new NewComment("Legacy plan.", true, Guid.NewGuid(), [TestFiles.Text("contract.txt", "CANARY-41")]), null, Cancel);
        var ids = await AttachmentIdsAsync(database);

        await using (var customerHost = ComponentHost.Create(database, customer, Roles.Customer))
        {
            var page = customerHost.Render<TicketPage>(p => p.Add(t => t.Number, number));
            page.WaitForAssertion(() => Assert.Equal(2, Links(page).Count), Timeout);

            var ticketLink = Assert.Single(page.FindAll("[data-attachment]"), e => e.Closest("[data-comment]") is null).QuerySelector("a")!;
            Assert.Equal(("blank screen.png", $"/attachments/{ids["blank screen.png"]}", "blank screen.png"), (ticketLink.TextContent.Trim(), ticketLink.GetAttribute("href"), ticketLink.GetAttribute("download")));
            Assert.Contains($"({FileSizes.Format(TestFiles.PngBytes.Length)})", page.Find($"[data-attachment='{ids["blank screen.png"]}']").TextContent, StringComparison.Ordinal);
            var replyLink = page.Find("[data-comment] [data-attachment] a");
            Assert.Equal(("steps.txt", $"/attachments/{ids["steps.txt"]}"), (replyLink.TextContent.Trim(), replyLink.GetAttribute("href")));
            Assert.Contains("(12 bytes)", page.Find("[data-comment]").TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("contract.txt", page.Markup, StringComparison.Ordinal);
        }

        await using var agentHost = ComponentHost.Create(database, await database.UserAsync(Roles.Agent, "Sam"), Roles.Agent);
        var staffPage = agentHost.Render<TicketPage>(p => p.Add(t => t.Number, number));
        staffPage.WaitForAssertion(() => Assert.Equal(3, Links(staffPage).Count), Timeout);
        Assert.Equal(["blank screen.png", "steps.txt", "contract.txt"], Links(staffPage).Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task A_reply_sent_with_a_file_shows_the_file_under_the_reply()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var ticket = await database.TicketAsync(customer);
        await using var ctx = ComponentHost.Create(database, customer, Roles.Customer);
        var page = ctx.Render<TicketPage>(p => p.Add(t => t.Number, ticket.Number));
        page.WaitForAssertion(() => Assert.NotNull(page.FindComponent<InputFile>()), Timeout);

        await page.InvokeAsync(() => page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(TestFiles.PngBytes, "error.png", contentType: "image/png")));
        page.WaitForAssertion(() => Assert.Contains("error.png", page.Find("[data-chosen-file]").TextContent, StringComparison.Ordinal), Timeout);
        await page.Find("#reply-content").InputAsync(new ChangeEventArgs { Value = "Here is the error." });
        await page.FindAll("button").Single(b => b.TextContent.Trim() == "Send").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal("error.png", page.Find("[data-comment] [data-attachment] a").TextContent.Trim()), Timeout);
        Assert.Empty(page.FindAll("[data-chosen-file]"));
        await using var db = await database.ContextAsync();
        var stored = await db.Attachments.SingleAsync(Cancel);
        Assert.Equal(("image/png", (long)TestFiles.PngBytes.Length), (stored.ContentType, stored.SizeBytes));
        Assert.NotNull(stored.CommentId);
    }

    private static IReadOnlyList<IElement> Links(IRenderedComponent<TicketPage> page) => page.FindAll("a[href^='/attachments/']");

    private static async Task<Dictionary<string, long>> AttachmentIdsAsync(TestDatabase database)
    {
        await using var db = await database.ContextAsync();
        return await db.Attachments.ToDictionaryAsync(a => a.FileName, a => a.Id, Cancel);
    }
}
