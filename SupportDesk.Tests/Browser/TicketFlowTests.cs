using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
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
        await Expect(page.GetByText("Thank you for registering")).ToBeVisibleAsync();
        await page.LogInAsync(email, BrowserSeed.Password);

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
        // The customer lands on the new ticket's own page, with the file on it. The first ticket after a start loads
        // what SLA due times need, which on a busy 2-core machine takes seconds (the form shows progress meanwhile).
        await Expect(page).ToHaveURLAsync(new Regex(@"/tickets/TKT-\d{8}-\w+$"), new() { Timeout = 30_000 });
        var number = NumberIn().Match(page.Url).Value;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Invoice PDF will not open" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Paragraph).Filter(new() { HasText = number })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "screenshot-notes.txt" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "ticket");

        await page.GetByRole(AriaRole.Link, new() { Name = "My tickets" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = number });
        await Expect(row).ToContainTextAsync("Invoice PDF will not open");
        await Expect(row).ToContainTextAsync("Open");
        await ScreenshotAsync(page, "portal");
    }

    [GeneratedRegex(@"TKT-\d{8}-\w+")]
    private static partial Regex NumberIn();
}
