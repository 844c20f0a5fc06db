using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using static Microsoft.Playwright.Assertions;

namespace SupportDesk.Tests.Browser;

/// <summary>A ticket's life as its customer and an agent live it, in a real browser.</summary>
public sealed partial class TicketFlowTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task A_customer_registers_submits_a_ticket_with_a_file_and_finds_it_in_the_portal()
    {
        var page = await NewPageAsync();
        var email = $"nora-{Guid.NewGuid():N}@example.test";

        await page.GotoAsync("Account/Register");
        await ScreenshotAsync(page, "register");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Full name").FillAsync("Nora Quinn");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(BrowserSeed.Password);
        await page.GetByLabel("Confirm Password").FillAsync(BrowserSeed.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await page.WaitForInteractiveAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "New ticket" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New ticket" })).ToBeVisibleAsync();
        await page.GetByLabel("Title").FillAsync("Invoice PDF will not open");
        await page.GetByLabel("Description").FillAsync("The invoice from March shows a blank page in every viewer.");
        await page.AttachAsync("Attach files", new FilePayload
        {
            Name = "screenshot-notes.txt",
            MimeType = "text/plain",
            Buffer = Encoding.UTF8.GetBytes("Blank page, no error shown."),
        });
        await Expect(page.GetByText("screenshot-notes.txt")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "new-ticket");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit ticket" }).ClickAsync();
        var created = page.GetByText(new Regex(@"Ticket TKT-\d{8}-\w+ created"));
        await Expect(created).ToBeVisibleAsync();
        var number = NumberIn().Match(await created.InnerTextAsync()).Value;

        await page.GetByRole(AriaRole.Link, new() { Name = "My tickets" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = number });
        await Expect(row).ToContainTextAsync("Invoice PDF will not open");
        await Expect(row).ToContainTextAsync("Open");
        await ScreenshotAsync(page, "portal");

        await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Invoice PDF will not open" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "screenshot-notes.txt" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "ticket");
    }

    [Fact]
    public async Task An_agent_takes_an_unassigned_ticket_notes_and_replies_and_the_customer_sees_only_the_reply_answers_and_closes_it()
    {
        var customer = await App.UserAsync(Roles.Customer, "Omar");
        var agent = await App.UserAsync(Roles.Agent, "Priya");
        var number = await App.TicketAsync(customer, new NewTicket("VPN drops every hour", "Since Monday the VPN disconnects on the hour, every hour."));

        var staff = await NewPageAsync();
        await staff.LogInAsync(agent.Email, agent.Password);
        await staff.OpenAsync("tickets?view=Unassigned");
        await staff.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "VPN drops every hour" })).ToBeVisibleAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Assign to me" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Button, new() { Name = "Assign to me" })).ToBeDisabledAsync();

        await staff.GetByLabel("Internal note").CheckAsync();
        await staff.GetByRole(AriaRole.Textbox, new() { Name = "Internal note" }).FillAsync("Customer is on the old client; check the version first.");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(staff.GetByText("Customer is on the old client; check the version first.")).ToBeVisibleAsync();
        await staff.GetByLabel("Internal note").UncheckAsync();
        await staff.GetByRole(AriaRole.Textbox, new() { Name = "Reply" }).FillAsync("Please update the VPN client to version 5 and tell us if it still drops.");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(staff.GetByText("Please update the VPN client to version 5")).ToBeVisibleAsync();
        await ScreenshotAsync(staff, "staff-ticket");

        var portal = await NewPageAsync();
        await portal.LogInAsync(customer.Email, customer.Password);
        await portal.OpenAsync($"tickets/{number}");
        await Expect(portal.GetByText("Please update the VPN client to version 5")).ToBeVisibleAsync();
        await Expect(portal.GetByText("check the version first")).ToHaveCountAsync(0);
        await portal.GetByRole(AriaRole.Textbox, new() { Name = "Reply" }).FillAsync("Updated to version 5; no drops since.");
        await portal.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(portal.GetByText("Updated to version 5; no drops since.")).ToBeVisibleAsync();
        await portal.GetByRole(AriaRole.Button, new() { Name = "Close ticket" }).ClickAsync();
        await Expect(portal.GetByRole(AriaRole.Button, new() { Name = "Reopen" })).ToBeVisibleAsync();
        await ScreenshotAsync(portal, "customer-ticket");
    }

    [GeneratedRegex(@"TKT-\d{8}-\w+")]
    private static partial Regex NumberIn();
}
