using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Drafts;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Notifications;
using SupportDesk.Data.Tickets;
using SupportDesk.Tests.Attachments;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Security;

/// <summary>
/// A word that exists only in an internal note (its text, its earlier edited text, its file's name and content, and the
/// agent's unsent note draft) is looked for in everything the ticket's own customer can read. Staff read the same channels
/// and do find it, so the search is known to look where a leak would show.
/// </summary>
public sealed class InternalNoteCanaryTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_word_written_only_in_internal_notes_reaches_no_channel_the_customer_reads(DatabaseProvider provider)
    {
        await using var desk = await SecurityDesk.CreateAsync(templates, provider);
        var canary = "canary" + string.Concat(Guid.NewGuid().ToString("N").Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));
        var number = desk.TicketNumber;
        var noteFileId = await WriteNotesAsync(desk, canary);
        var customer = desk.BrowserOf(Visitor.CustomerA);
        var customerApi = desk.ApiOf(Visitor.CustomerA);

        var seenByCustomer = new Dictionary<string, string>
        {
            ["portal page"] = await ReadAsync(customer, "/portal", HttpStatusCode.OK),
            ["ticket page"] = await ReadAsync(customer, $"/tickets/{number}", HttpStatusCode.OK),
            ["API ticket"] = await ReadAsync(customerApi, $"/api/tickets/{number}", HttpStatusCode.OK),
            ["API ticket by cookie"] = await ReadAsync(customer, $"/api/tickets/{number}", HttpStatusCode.OK),
            ["API list"] = await ReadAsync(customerApi, "/api/tickets", HttpStatusCode.OK),
            ["API search"] = await ReadAsync(customerApi, $"/api/tickets?q={canary}", HttpStatusCode.OK),
            ["API reply"] = await PostReplyAsync(customerApi, number),
            ["note's file"] = await ReadAsync(customer, $"/attachments/{noteFileId}", HttpStatusCode.NotFound),
            ["queue export"] = await ReadAsync(customer, $"/tickets/export.csv?q={canary}", HttpStatusCode.Redirect),
            ["dashboard export"] = await ReadAsync(customer, "/dashboard/export/agents.csv", HttpStatusCode.Forbidden),
            ["notifications"] = string.Join('\n', (await desk.App.Services.GetRequiredService<NotificationInbox>()
                .LatestAsync(desk.Actor(Visitor.CustomerA), Cancel)).Select(n => n.Message)),
        };
        // The search box repeats what was typed, so the portal's search is judged by the rows it lists.
        var portalSearch = await ReadAsync(customer, $"/portal?q={canary}", HttpStatusCode.OK);
        var portalByTitle = await ReadAsync(customer, "/portal?q=jammed", HttpStatusCode.OK);

        var leaks = seenByCustomer.Where(c => c.Value.Contains(canary, StringComparison.OrdinalIgnoreCase)).Select(c => c.Key).ToList();
        Assert.True(leaks.Count == 0, "The internal note's word reached the customer through: " + string.Join(", ", leaks));
        Assert.DoesNotContain($"data-ticket=\"{number}\"", portalSearch, StringComparison.Ordinal);
        Assert.Contains($"data-ticket=\"{number}\"", portalByTitle, StringComparison.Ordinal);
        Assert.Contains("\"total\":0", seenByCustomer["API search"], StringComparison.Ordinal);

        var agent = desk.BrowserOf(Visitor.Agent);
        var agentApi = desk.ApiOf(Visitor.Agent);
        var seenByStaff = new Dictionary<string, string>
        {
            ["ticket page"] = await ReadAsync(agent, $"/tickets/{number}", HttpStatusCode.OK),
            ["API ticket"] = await ReadAsync(agentApi, $"/api/tickets/{number}", HttpStatusCode.OK),
            ["note's file"] = await ReadAsync(agent, $"/attachments/{noteFileId}", HttpStatusCode.OK),
        };
        var missing = seenByStaff.Where(c => !c.Value.Contains(canary, StringComparison.OrdinalIgnoreCase)).Select(c => c.Key).ToList();
        Assert.True(missing.Count == 0, "Staff should read the note's word through: " + string.Join(", ", missing));
        Assert.Contains(number, await ReadAsync(agentApi, $"/api/tickets?q={canary}", HttpStatusCode.OK), StringComparison.Ordinal);
    }

    /// <summary>The agent's note with a file, edited afterwards, a public reply without the word, and an unsent note draft.</summary>
    private static async Task<long> WriteNotesAsync(SecurityDesk desk, string canary)
    {
        var agent = desk.Actor(Visitor.Agent);
        var comments = desk.App.Services.GetRequiredService<TicketComments>();
        var note = await comments.AddAsync(
            agent,
            desk.TicketNumber,
            new NewComment($"First guess: {canary} is out of toner.", IsInternal: true, Guid.NewGuid(), [TestFiles.Text($"{canary}.txt", $"Vendor case {canary}")]),
            null,
            Cancel);
        Assert.True(note.Succeeded, note.Message);
        var edited = await comments.EditAsync(agent, desk.TicketNumber, note.Value!.Id, $"Vendor says {canary} needs a new fuser.", null, Cancel);
        Assert.True(edited.Succeeded, edited.Message);
        var reply = await comments.AddAsync(agent, desk.TicketNumber, new NewComment("We are ordering a part for the printer.", false, Guid.NewGuid()), null, Cancel);
        Assert.True(reply.Succeeded, reply.Message);
        var draft = await desk.App.Services.GetRequiredService<ReplyDrafts>().SaveAsync(agent, desk.TicketNumber, $"Remember {canary}", isInternal: true, Cancel);
        Assert.True(draft.Succeeded, draft.Message);

        var details = await desk.App.Services.GetRequiredService<TicketQueries>().GetAsync(agent, desk.TicketNumber, Cancel);
        return details.Value!.Comments.Single(c => c.Id == note.Value.Id).Attachments.Single().Id;
    }

    private static async Task<string> PostReplyAsync(HttpClient api, string number)
    {
        using var response = await api.PostApiAsync($"/api/tickets/{number}/comments", new { content = "Thanks, I will wait for the part." });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Cancel);
    }

    private static async Task<string> ReadAsync(HttpClient client, string path, HttpStatusCode expected)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        Assert.True(response.StatusCode == expected, $"{path}: expected {expected}, got {response.StatusCode}");
        return await response.Content.ReadAsStringAsync(Cancel);
    }
}
