using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using static Microsoft.Playwright.Assertions;

namespace SupportDesk.Tests.Browser;

/// <summary>An agent resolves every ticket a filter finds in one go.</summary>
public sealed partial class BulkResolveFlowTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task An_agent_filters_by_a_tag_selects_all_matching_and_resolves_them_after_confirming_the_count()
    {
        var tag = $"outage-{Guid.NewGuid():N}"[..15];
        var customer = await App.UserAsync(Roles.Customer, "Corinne");
        var agent = await App.UserAsync(Roles.Agent, "Abel");
        // One more than a page, so "all matching" reaches tickets the agent cannot see.
        for (var i = 1; i <= 26; i++)
        {
            await App.TicketAsync(customer, new NewTicket($"Mail outage report {i:00}", "No mail arrives since 9:00.", Tags: [tag]));
        }

        var untouched = await App.TicketAsync(customer, new NewTicket("Mouse double-clicks", "Unrelated to the outage."));

        var page = await NewPageAsync();
        await page.LogInAsync(agent.Email, agent.Password);
        await page.OpenAsync("tickets");
        await page.GetByLabel("Tags", new() { Exact = true }).FillAsync(tag);
        await page.GetByLabel("Tags", new() { Exact = true }).PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex($"tag={tag}"));
        await Expect(page.Locator("[data-total]")).ToHaveTextAsync("26 tickets");
        await Expect(page.Locator("[data-ticket]")).ToHaveCountAsync(25);
        await Expect(page.Locator($"[data-ticket='{untouched}']")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "filtered");

        await page.Locator("thead input[type=checkbox]").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Select all 26 tickets matching this filter" }).ClickAsync();
        await Expect(page.Locator("[data-selection]")).ToHaveTextAsync("All 26 tickets matching this filter are selected");
        await page.Locator("[data-bulk='status'] button").ClickAsync();
        await page.Locator(".mud-menu-item").Filter(new() { HasTextRegex = ResolvedItem() }).ClickAsync();

        var question = page.GetByRole(AriaRole.Dialog).Filter(new() { HasText = "Set the status of 26 tickets matching this filter to Resolved?" });
        await Expect(question).ToBeVisibleAsync();
        await ScreenshotAsync(page, "confirm");
        await page.WatchProgressAsync("[data-bulk-progress]");
        await question.GetByRole(AriaRole.Button, new() { Name = "Change status" }).ClickAsync();

        await Expect(page.GetByText("Changed 26 tickets")).ToBeVisibleAsync();
        Assert.True(await page.SawProgressAsync(), "The bulk bar showed no progress while it ran.");
        var rows = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Mail outage report" });
        await Expect(rows.Filter(new() { HasText = "Resolved" })).ToHaveCountAsync(25);
        await Expect(rows.Filter(new() { HasText = "Open" })).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "resolved");

        // The one beyond the page too: the filter for resolved ones finds all of them.
        await page.OpenAsync($"tickets?tag={tag}&status=Resolved");
        await Expect(page.Locator("[data-total]")).ToHaveTextAsync("26 tickets");
    }

    [GeneratedRegex("^Resolved$")]
    private static partial Regex ResolvedItem();
}
