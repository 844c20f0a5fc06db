using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using static Microsoft.Playwright.Assertions;

namespace SupportDesk.Tests.Browser;

/// <summary>An agent answers a customer's ticket while the customer, in their own browser, follows it.</summary>
public sealed class AgentFlowTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task An_agent_takes_a_new_ticket_notes_and_replies_and_the_customer_sees_the_reply_but_never_the_note()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var customer = await App.UserAsync(Roles.Customer, "Carmen");
        var agent = await App.UserAsync(Roles.Agent, "Aaron");
        var number = await App.TicketAsync(customer, new NewTicket($"VPN drops every hour {unique}", "Since Monday the VPN disconnects on the hour."));
        var note = $"Internal canary {unique}: customer is on the legacy VPN pool";
        var reply = $"Please update the VPN client to 5.2 ({unique}).";
        var answer = $"Updated, it holds now ({unique}).";

        var desk = await NewPageAsync();
        await desk.LogInAsync(agent.Email, agent.Password);
        await desk.OpenAsync("tickets?view=Unassigned");
        var row = desk.GetByRole(AriaRole.Row).Filter(new() { HasText = number });
        await Expect(row).ToContainTextAsync($"VPN drops every hour {unique}");
        await Expect(row).ToContainTextAsync("Unassigned");
        await ScreenshotAsync(desk, "unassigned");

        await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = $"VPN drops every hour {unique}" })).ToBeVisibleAsync();
        var assignToMe = desk.GetByRole(AriaRole.Button, new() { Name = "Assign to me" });
        await assignToMe.ClickAsync();
        await Expect(assignToMe).ToBeDisabledAsync();
        await SendAsync(desk, note, isInternal: true);
        await SendAsync(desk, reply, isInternal: false);
        await ScreenshotAsync(desk, "agent-ticket");

        var portal = await NewPageAsync();
        await portal.LogInAsync(customer.Email, customer.Password);
        await portal.OpenAsync($"tickets/{number}");
        await Expect(portal.GetByText(reply)).ToBeVisibleAsync();
        Assert.DoesNotContain($"Internal canary {unique}", await portal.ContentAsync(), StringComparison.Ordinal);
        await SendAsync(portal, answer, isInternal: false);
        await portal.GetByRole(AriaRole.Button, new() { Name = "Close ticket" }).ClickAsync();
        await Expect(portal.GetByRole(AriaRole.Button, new() { Name = "Reopen" })).ToBeVisibleAsync();
        await Expect(portal.GetByRole(AriaRole.Button, new() { Name = "Close ticket" })).ToHaveCountAsync(0);
        Assert.DoesNotContain($"Internal canary {unique}", await portal.ContentAsync(), StringComparison.Ordinal);
        await ScreenshotAsync(portal, "customer-ticket");

        await desk.ReloadAsync();
        await desk.WaitForInteractiveAsync();
        await Expect(desk.GetByText(answer)).ToBeVisibleAsync();
        await Expect(desk.GetByText(note)).ToBeVisibleAsync();
        await Expect(desk.GetByRole(AriaRole.Combobox, new() { Name = "Status" })).ToHaveValueAsync(new Regex("^Closed$"));
        await ScreenshotAsync(desk, "agent-sees-answer");
    }

    /// <summary>Writes in the ticket's reply box and sends it, as a note when asked; done once the timeline shows it.</summary>
    private static async Task SendAsync(IPage page, string text, bool isInternal)
    {
        if (isInternal)
        {
            await page.GetByText("Internal note", new() { Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Internal note", Exact = true })).ToBeVisibleAsync();
        }

        await page.Locator("#reply-content").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(page.GetByText(text, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("#reply-content")).ToHaveValueAsync("");
    }
}
