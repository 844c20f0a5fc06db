using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Security;

/// <summary>Fields a form or an API body was never meant to carry are ignored: they change nothing and grant nothing.</summary>
public sealed class OverPostingTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_customers_reply_and_status_change_bind_only_their_own_fields(DatabaseProvider provider)
    {
        await using var desk = await SecurityDesk.CreateAsync(templates, provider);
        var customer = desk.ApiOf(Visitor.CustomerA);
        var agent = desk.User(Visitor.Agent);
        var othersTicket = await desk.Database.TicketAsync(desk.User(Visitor.CustomerB), "Customer B's own ticket");

        using var reply = await customer.PostApiAsync($"/api/tickets/{desk.TicketNumber}/comments", new
        {
            content = "Any news on the printer?",
            authorId = agent.Id,
            ticketId = othersTicket.Id,
            number = othersTicket.Number,
            createdAt = "2001-01-01T00:00:00Z",
            id = 1,
        });
        await reply.JsonAsync(HttpStatusCode.Created);
        var status = await (await customer.PutApiAsync($"/api/tickets/{desk.TicketNumber}/status", new
        {
            status = "Closed",
            priority = "Urgent",
            assigneeId = agent.Id,
            creatorId = desk.User(Visitor.CustomerB).Id,
            title = "Renamed by the body",
        })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("Closed", status.GetProperty("status").GetString());
        await using var db = await desk.Database.ContextAsync();
        var comment = await db.Comments.AsNoTracking().SingleAsync(Cancel);
        Assert.Equal((desk.User(Visitor.CustomerA).Id, false), (comment.AuthorId, comment.IsInternal));
        Assert.True(comment.CreatedAt.Year > 2001);
        var ticket = await db.Tickets.AsNoTracking().SingleAsync(t => t.Number == desk.TicketNumber, Cancel);
        Assert.Equal(comment.TicketId, ticket.Id);
        Assert.Equal(
            (TicketPriority.Medium, (string?)null, desk.User(Visitor.CustomerA).Id, "Printer on floor 3 is jammed"),
            (ticket.Priority, ticket.AssigneeId, ticket.CreatorId, ticket.Title));
        Assert.False(await db.Comments.AnyAsync(c => c.TicketId == othersTicket.Id, Cancel));
    }

    [Fact]
    public async Task The_register_form_makes_a_customer_whatever_role_or_flags_it_carries()
    {
        await using var desk = await SecurityDesk.CreateAsync(templates);
        using var browser = desk.Browser();

        using var response = await AccountForms.PostAsync(browser, "/Account/Register", "register", new()
        {
            ["Input.Email"] = "mallory@example.test",
            ["Input.FullName"] = "Mallory",
            ["Input.Password"] = SecurityDesk.Password,
            ["Input.ConfirmPassword"] = SecurityDesk.Password,
            ["Input.Role"] = Roles.Admin,
            ["Role"] = Roles.Admin,
            ["Input.IsActive"] = "true",
            ["Input.Id"] = desk.User(Visitor.Admin).Id,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = await desk.Database.ContextAsync();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "mallory@example.test", Cancel);
        Assert.NotEqual(desk.User(Visitor.Admin).Id, user.Id);
        var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(Cancel);
        Assert.Equal([Roles.Customer], roles);
    }

    [Fact]
    public async Task An_agent_cannot_make_themself_admin_through_the_api_or_the_users_pages_service()
    {
        await using var desk = await SecurityDesk.CreateAsync(templates);
        var agent = desk.User(Visitor.Agent);

        await (await desk.ApiOf(Visitor.Agent).PostApiAsync("/api/users", new
        {
            email = agent.Email,
            fullName = agent.FullName,
            password = SecurityDesk.Password,
            role = Roles.Admin,
            id = agent.Id,
        })).ProblemAsync(HttpStatusCode.Forbidden);
        await using (var scope = desk.App.Services.CreateAsyncScope())
        {
            var promoted = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
                .ChangeRoleAsync(desk.Actor(Visitor.Agent), agent.Id, Roles.Admin, Cancel);
            Assert.Equal("Only admins can manage users.", Assert.Single(promoted.Errors).Message);
        }

        await using var db = await desk.Database.ContextAsync();
        var roles = await db.UserRoles.Where(r => r.UserId == agent.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(Cancel);
        Assert.Equal([Roles.Agent], roles);
    }
}
