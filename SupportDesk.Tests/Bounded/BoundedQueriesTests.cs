using System.Text.RegularExpressions;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Drafts;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tags;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.Components.Queue;
using SupportDesk.Web.Components.Tickets;
using BuiltInView = SupportDesk.Data.Queue.BuiltInView;

namespace SupportDesk.Tests.Bounded;

/// <summary>
/// A page sends the same number of SQL commands however much data it shows: a query per row (N+1) would make the
/// larger set cost more. Commands are counted by an interceptor on the contexts the page's services open.
/// </summary>
public sealed partial class BoundedQueriesTests(DatabaseTemplates templates)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task The_queue_sends_as_many_commands_for_500_tickets_as_for_5(DatabaseProvider provider)
    {
        var few = await QueueCommandsAsync(provider, 5);
        var many = await QueueCommandsAsync(provider, 500);

        TestContext.Current.TestOutputHelper?.WriteLine($"{provider}: /tickets?size=50 sent {few} commands for 5 tickets, {many} for 500.");
        Assert.Equal(few, many);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_ticket_page_sends_as_many_commands_for_200_comments_as_for_5(DatabaseProvider provider)
    {
        var few = await TicketPageCommandsAsync(provider, 5);
        var many = await TicketPageCommandsAsync(provider, 200);

        TestContext.Current.TestOutputHelper?.WriteLine($"{provider}: the ticket page sent {few.Count} commands for 5 comments, {many.Count} for 200.");
        Assert.Equal(few.Count, many.Count);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_ticket_page_reads_its_comments_once(DatabaseProvider provider)
    {
        var sent = await TicketPageCommandsAsync(provider, 5);

        Assert.Single(sent, sql => ReadsComments().IsMatch(sql));
    }

    [GeneratedRegex(@"\bFROM\s+""?comments""?\s", RegexOptions.IgnoreCase)]
    private static partial Regex ReadsComments();

    private async Task<int> QueueCommandsAsync(DatabaseProvider provider, int count)
    {
        var commands = new CommandCounter();
        await using var database = await TestDatabase.CreateAsync(templates, provider, commands);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        AppUser[] agents = [await database.UserAsync(Roles.Agent, "Alex"), await database.UserAsync(Roles.Agent, "Bea")];
        await using (var db = await database.ContextAsync())
        {
            Tag[] tags = [new() { Name = "billing" }, new() { Name = "printer" }];
            db.Tags.AddRange(tags);
            db.Tickets.AddRange(Enumerable.Range(0, count).Select(i => new Ticket
            {
                Number = $"TKT-BOUNDED-{i:D4}",
                Title = $"Ticket {i} of {count}",
                Description = "Something is broken.",
                Status = (TicketStatus)(i % 3),
                Priority = (TicketPriority)(i % 4),
                CreatorId = customer.Id,
                AssigneeId = i % 3 == 0 ? null : agents[i % 2].Id,
                Category = i % 2 == 0 ? "Billing" : null,
                TicketTags = [new TicketTag { Tag = tags[i % 2] }],
            }));
            await db.SaveAsync();
        }

        await using var ctx = ComponentHost.Create(database, agents[0], Roles.Agent);
        ctx.Render<MudPopoverProvider>();
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/tickets?size=50");
        commands.Reset();

        var page = ctx.Render<QueuePage>();

        page.WaitForAssertion(
            () =>
            {
                Assert.Equal(Math.Min(count, 50), page.FindAll("[data-ticket]").Count);
                Assert.Equal($"{count} tickets", page.Find("[data-total]").TextContent.Trim());
                Assert.Equal(Enum.GetValues<BuiltInView>().Length, page.FindAll(".mud-badge").Count);
            },
            Timeout);
        return commands.Count;
    }

    private async Task<IReadOnlyList<string>> TicketPageCommandsAsync(DatabaseProvider provider, int count)
    {
        var commands = new CommandCounter();
        await using var database = await TestDatabase.CreateAsync(templates, provider, commands);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var agent = await database.UserAsync(Roles.Agent, "Alex");
        var ticket = await database.TicketAsync(customer, assignee: agent);
        await using (var db = await database.ContextAsync())
        {
            db.Comments.AddRange(Enumerable.Range(0, count).Select(i => new Comment
            {
                TicketId = ticket.Id,
                AuthorId = i % 2 == 0 ? customer.Id : agent.Id,
                Content = $"Reply number {i} of {count}",
                IsInternal = i % 4 == 1,
            }));
            await db.SaveAsync();
        }

        // A stored draft shows "Draft restored" once the reply box has read it: the last read to wait for.
        await database.Get<ReplyDrafts>().SaveAsync(agent.AsActor(Roles.Agent), ticket.Number, "Half an answer", false, Cancel);
        await using var ctx = ComponentHost.Create(database, agent, Roles.Agent);
        ctx.Render<MudPopoverProvider>();
        commands.Reset();

        var page = ctx.Render<TicketPage>(p => p.Add(t => t.Number, ticket.Number));

        page.WaitForAssertion(
            () =>
            {
                // Looked up per component: parsing the whole page's markup after each of its many renders is too slow.
                Assert.Equal(count, page.FindComponents<TimelineCommentCard>().Count);
                Assert.Equal("Draft restored", page.FindComponent<ReplyBox>().Find("[data-draft-status]").TextContent.Trim());
                Assert.NotEmpty(page.FindComponent<TicketSidePanel>().FindAll("[data-field='assignee']"));
            },
            Timeout);
        return commands.Sent;
    }
}
