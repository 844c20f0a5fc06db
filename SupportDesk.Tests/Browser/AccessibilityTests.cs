using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using static Microsoft.Playwright.Assertions;

namespace SupportDesk.Tests.Browser;

/// <summary>
/// axe-core finds no serious or critical violation on the main pages, in light and in dark mode, each
/// looked at by the person who uses it. One browser context per person, reused across their pages.
/// </summary>
public sealed class AccessibilityTests(BrowserApp app) : BrowserTest(app)
{
    public enum Mode
    {
        Light,
        Dark,
    }

    private enum Person
    {
        Visitor,
        Customer,
        Agent,
        Admin,
    }

    /// <summary>A page to check: who opens it, where, the heading that shows it has loaded, and whether it runs on a circuit.</summary>
    private sealed record PageCase(string Name, Person Who, Func<Arranged, string> Path, Func<Arranged, string> Heading, bool Interactive = true);

    private sealed record Arranged(string Number, string Title);

    private static readonly PageCase[] Pages =
    [
        new("login", Person.Visitor, _ => "Account/Login", _ => "Log in", Interactive: false),
        new("my-tickets", Person.Customer, _ => "portal", _ => "My tickets"),
        new("new-ticket", Person.Customer, _ => "portal/new", _ => "New ticket"),
        new("ticket-as-customer", Person.Customer, a => $"tickets/{a.Number}", a => a.Title),
        new("ticket-as-agent", Person.Agent, a => $"tickets/{a.Number}", a => a.Title),
        new("queue", Person.Agent, _ => "tickets", _ => "Tickets"),
        new("dashboard", Person.Agent, _ => "dashboard", _ => "Dashboard"),
        new("tags", Person.Admin, _ => "admin/tags", _ => "Tags"),
    ];

    public static TheoryData<Mode> Modes => [Mode.Light, Mode.Dark];

    [Theory, MemberData(nameof(Modes))]
    public async Task Main_pages_have_no_serious_accessibility_violations(Mode mode)
    {
        var customer = await App.UserAsync(Roles.Customer, "Ada");
        var agent = await App.UserAsync(Roles.Agent, "Grace");
        var admin = await App.UserAsync(Roles.Admin, "Edsger");
        var title = $"Printer on floor {Guid.NewGuid().ToString("N")[..6]} prints blank pages";
        var number = await App.TicketAsync(customer, new NewTicket(
            title, "Every page comes out **blank** since the toner change.", Tags: ["printer", "hardware"]));
        await CommentAsync(agent, number, "Could you send a photo of the toner label?", isInternal: false);
        await CommentAsync(agent, number, "Probably the wrong toner batch again.", isInternal: true);
        var arranged = new Arranged(number, title);

        var people = new Dictionary<Person, IPage>();
        var report = new List<string>();
        var failed = false;
        foreach (var check in Pages)
        {
            var page = await PageForAsync(check.Who);
            await page.GotoAsync(check.Path(arranged));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = check.Heading(arranged), Level = 1 })).ToBeVisibleAsync();
            if (check.Interactive)
            {
                await page.WaitForInteractiveAsync();
            }

            await Expect(page.Locator(".mud-progress-linear >> visible=true")).ToHaveCountAsync(0);
            await ExpectModeAsync(page, mode);
            await ScreenshotAsync(page, $"{check.Name}-{mode}");

            var findings = await page.CheckAsync();
            if (findings.Count > 0)
            {
                report.Add($"{check.Name} ({mode}, {page.Url}):\n{string.Join('\n', findings)}");
                failed |= findings.Any(f => f.Blocks);
            }
        }

        Assert.False(failed, "axe found serious or critical violations:\n\n" + string.Join("\n\n", report));
        TestContext.Current.TestOutputHelper?.WriteLine(report.Count == 0 ? "axe found nothing." : "Moderate and minor findings:\n\n" + string.Join("\n\n", report));

        async Task<IPage> PageForAsync(Person who)
        {
            // Nobody is signed in on the login page, and anonymous pages are always light; so in dark mode
            // it is the customer who looks at it, signed in with dark mode chosen (as when switching accounts).
            if (who == Person.Visitor && mode == Mode.Dark)
            {
                who = Person.Customer;
            }

            if (!people.TryGetValue(who, out var page))
            {
                page = await NewPageAsync();
                var user = who switch
                {
                    Person.Customer => customer,
                    Person.Agent => agent,
                    Person.Admin => admin,
                    _ => null,
                };
                if (user is not null)
                {
                    await page.LogInAsync(user.Email, user.Password);
                    if (mode == Mode.Dark)
                    {
                        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" }).ClickAsync();
                        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" })).ToBeVisibleAsync();
                    }
                }

                people[who] = page;
            }

            return page;
        }
    }

    /// <summary>Checks the page really is in <paramref name="mode"/>: the theme's background is light or dark.</summary>
    private static async Task ExpectModeAsync(IPage page, Mode mode)
    {
        var luminance = await page.EvaluateAsync<double>("""
            () => {
                const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
                return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
            }
            """);
        Assert.True(mode == Mode.Dark ? luminance < 0.3 : luminance > 0.7, $"{page.Url} is not in {mode} mode: background luminance {luminance:0.00}.");
    }

    private async Task CommentAsync(BrowserUser author, string number, string text, bool isInternal)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<TicketComments>().AddAsync(
            author.Actor, number, new NewComment(text, isInternal, Guid.NewGuid()), new AuditSource(author.Actor.UserId), Cancel);
        Assert.True(result.Succeeded, result.Message);
    }
}
