using Microsoft.Playwright;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using static Microsoft.Playwright.Assertions;

namespace SupportDesk.Tests.Browser;

/// <summary>An admin folds one tag into another, and the queue follows.</summary>
public sealed class TagMergeFlowTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Merging_a_tag_names_what_is_lost_and_the_queue_then_lists_its_tickets_under_the_target()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var (source, target) = ($"a-wifi-{unique}", $"a-network-{unique}");
        var customer = await App.UserAsync(Roles.Customer, "Cecil");
        var admin = await App.UserAsync(Roles.Admin, "Agnes");
        string[] moved =
        [
            await App.TicketAsync(customer, new NewTicket("Wi-Fi drops in room 4", "Drops every few minutes.", Tags: [source])),
            await App.TicketAsync(customer, new NewTicket("Guest Wi-Fi password", "Visitors cannot join.", Tags: [source])),
        ];
        var already = await App.TicketAsync(customer, new NewTicket("Switch port dead", "Port 12 shows no link.", Tags: [target]));

        var page = await NewPageAsync();
        await page.LogInAsync(admin.Email, admin.Password);
        await page.OpenAsync("admin/tags");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = source, Exact = true }) });
        await Expect(row.Locator("[data-tickets]")).ToHaveTextAsync("2");
        await ScreenshotAsync(page, "tags");

        await row.GetByRole(AriaRole.Button, new() { Name = "Merge" }).ClickAsync();
        var chooser = page.GetByRole(AriaRole.Dialog).Filter(new() { HasText = $"Merge tag \"{source}\"" });
        await page.ChooseAsync(chooser, "Merge into", $"{target} (1 ticket)");
        await chooser.GetByRole(AriaRole.Button, new() { Name = "Merge", Exact = true }).ClickAsync();
        var question = page.GetByRole(AriaRole.Dialog).Filter(new() { HasText = "will be tagged" });
        await Expect(question).ToContainTextAsync(
            $"Merge \"{source}\" into \"{target}\"? The 2 tickets tagged \"{source}\" will be tagged \"{target}\" (now on 1 ticket), and \"{source}\" is deleted.");
        await ScreenshotAsync(page, "confirm-merge");
        await page.WatchProgressAsync("[data-merge-progress]");
        await question.GetByRole(AriaRole.Button, new() { Name = "Merge", Exact = true }).ClickAsync();
        await Expect(page.GetByText($"Tag \"{source}\" is merged into \"{target}\".")).ToBeVisibleAsync();
        Assert.True(await page.SawProgressAsync(), "The merge showed no progress while it ran.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = source, Exact = true })).ToHaveCountAsync(0);

        await page.OpenAsync($"tickets?tag={target}");
        await Expect(page.Locator("[data-ticket]")).ToHaveCountAsync(3);
        foreach (var number in moved.Append(already))
        {
            await Expect(page.Locator($"[data-ticket='{number}']")).ToBeVisibleAsync();
        }

        await ScreenshotAsync(page, "queue-by-target");
    }
}
