using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Attachments;
using static Microsoft.Playwright.Assertions;

namespace SupportDesk.Tests.Browser;

/// <summary>Markup and script in every field a customer fills in, shown to the agent and back to the customer: all of it inert.</summary>
public sealed class HostileInputTests(BrowserApp app) : BrowserTest(app)
{
    /// <summary>Each payload marks what it would inject with <c>pwned</c>, so one selector finds any of them that got through.</summary>
    private const string Title = "<script id=pwned>alert('title')</script> '; DROP TABLE tickets; --";

    private const string Description =
        "<img src=x id=pwned onerror=alert('img')> [open me](javascript:alert('markdown'))\n\n"
        + "<a href=\"javascript:alert('link')\" id=pwned>html link</a> <svg id=pwned onload=alert('svg')><script>alert('svg')</script></svg>";

    /// <summary>Anything user content could have injected: a marked element, an event handler, a live javascript: link, inline script.</summary>
    private const string Injected = "#pwned, [onerror], [onload], [onmouseover], a[href^='javascript:' i], script:not([src])";

    [Fact]
    public async Task Script_markup_and_javascript_links_in_a_ticket_stay_inert_for_the_agent_and_the_customer()
    {
        var customer = await App.UserAsync(Roles.Customer, "Mallory");
        var agent = await App.UserAsync(Roles.Agent, "Grace");
        var number = await App.TicketAsync(customer, new NewTicket(
            Title, Description, Category: "<b id=pwned onmouseover=alert('category')>billing</b>", Tags: ["<i id=pwned>tag</i>"],
            CustomFields: "{\"<u id=pwned>field</u>\": \"javascript:alert('field')\"}",
            Attachments: [TestFiles.Png("<img src=x id=pwned onerror=alert('file')>.png")]));
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var reply = await scope.ServiceProvider.GetRequiredService<TicketComments>().AddAsync(
                agent.Actor, number, new NewComment("[Reset your password](javascript:alert('reply')) <script>alert('reply')</script>", false, Guid.NewGuid()), null, Cancel);
            Assert.True(reply.Succeeded, reply.Message);
        }

        foreach (var (person, path) in new[] { (agent, $"tickets/{number}"), (agent, "tickets?q=DROP%20TABLE"), (customer, $"tickets/{number}"), (customer, "portal") })
        {
            var page = await NewPageAsync();
            var dialogs = new List<string>();
            page.Dialog += (_, dialog) =>
            {
                dialogs.Add(dialog.Message);
                _ = dialog.DismissAsync();
            };
            await page.LogInAsync(person.Email, person.Password);
            await page.OpenAsync(path);

            await Expect(page.GetByText(Title).First).ToBeVisibleAsync();
            await ScreenshotAsync(page, $"{person.FullName}-{path.Split('?')[0].Replace('/', '-')}");
            Assert.Equal(0, await page.Locator(Injected).CountAsync());
            Assert.Empty(dialogs);
        }
    }
}
