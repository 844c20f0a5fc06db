using Bunit;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.Components.Tickets;

namespace SupportDesk.Tests.Sla;

public sealed class TicketSlaClocksTests(DatabaseTemplates templates)
{
    private const string FirstResponseExplanation = "First response target 1 hour (Urgent, around the clock) from 2026-03-04 09:30 UTC; due 2026-03-04 10:30.";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Staff_see_both_clocks_with_due_time_remaining_time_state_and_the_explanation_on_hover()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var agent = await database.UserAsync(Roles.Agent, "Maya");
        var ticket = await database.TicketAsync(customer, priority: TicketPriority.Urgent);
        database.Clock.Advance(TimeSpan.FromMinutes(50));
        await using var ctx = ComponentHost.Create(database, agent, Roles.Agent);
        var popovers = ctx.Render<MudPopoverProvider>();

        var page = ctx.Render<TicketPage>(p => p.Add(t => t.Number, ticket.Number));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-sla-clock]")), Timeout);
        var firstResponse = page.Find("[data-sla-clock=first-response]");
        Assert.Equal("At risk", firstResponse.QuerySelector("[data-sla-state]")!.TextContent.Trim());
        Assert.Contains("Due 2026-03-04 10:30 UTC", firstResponse.QuerySelector("[data-sla-due]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("10 min of working time left", firstResponse.QuerySelector("[data-sla-remaining]")!.TextContent.Trim());
        var resolution = page.Find("[data-sla-clock=resolution]");
        Assert.Equal("Running", resolution.QuerySelector("[data-sla-state]")!.TextContent.Trim());
        Assert.Contains("Due 2026-03-04 13:30 UTC", resolution.QuerySelector("[data-sla-due]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(FirstResponseExplanation, popovers.Markup, StringComparison.Ordinal);

        await page.InvokeAsync(() => page.Find("[data-sla-clock=first-response] .mud-tooltip-root").TriggerEventAsync("onpointerenter", new PointerEventArgs()));

        popovers.WaitForAssertion(() => Assert.Contains(FirstResponseExplanation, popovers.Markup, StringComparison.Ordinal), Timeout);
    }

    [Fact]
    public async Task Customers_see_no_sla_clocks_on_their_ticket()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var ticket = await database.TicketAsync(customer, "Printer for Carla", priority: TicketPriority.Urgent);
        await using var ctx = ComponentHost.Create(database, customer, Roles.Customer);
        var popovers = ctx.Render<MudPopoverProvider>();

        var page = ctx.Render<TicketPage>(p => p.Add(t => t.Number, ticket.Number));

        page.WaitForAssertion(() => Assert.Contains("Printer for Carla", page.Markup, StringComparison.Ordinal), Timeout);
        Assert.Empty(page.FindAll("[data-sla-clocks]"));
        Assert.DoesNotContain("First response target", page.Markup + popovers.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("At risk", page.Markup, StringComparison.Ordinal);
    }
}
