using System.Globalization;
using Microsoft.Playwright;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using static Microsoft.Playwright.Assertions;

namespace SupportDesk.Tests.Browser;

/// <summary>The admin's dashboard counts what happened: a new ticket moves its figures by exactly one.</summary>
public sealed class DashboardFlowTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task A_new_unassigned_ticket_adds_one_to_the_created_and_unassigned_figures_after_a_reload()
    {
        var admin = await App.UserAsync(Roles.Admin, "Adele");
        var customer = await App.UserAsync(Roles.Customer, "Cyril");
        var page = await NewPageAsync();
        await page.LogInAsync(admin.Email, admin.Password);
        await page.OpenAsync("dashboard");
        var created = await FigureAsync(page, "total");
        var unassigned = await FigureAsync(page, "unassigned");
        await ScreenshotAsync(page, "dashboard-before");

        await App.TicketAsync(customer, new NewTicket("Scanner saves blank pages", "Every scan since the update is an empty PDF."));
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();

        await Expect(Figure(page, "total")).ToHaveTextAsync(Count(created + 1));
        await Expect(Figure(page, "unassigned")).ToHaveTextAsync(Count(unassigned + 1));
        await ScreenshotAsync(page, "dashboard-after");
    }

    private static ILocator Figure(IPage page, string key) => page.Locator($"[data-figure='{key}']");

    private static async Task<int> FigureAsync(IPage page, string key)
    {
        await Expect(Figure(page, key)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d[\d,]*$"));
        return int.Parse(await Figure(page, key).InnerTextAsync(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
