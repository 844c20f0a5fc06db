using System.Net;
using SupportDesk.Data.Engines;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Security;

/// <summary>
/// Search is where a helpdesk leaks by accident: another customer's words, number or email must find nothing, in the
/// portal's page as served and in the API, while the same searches find the ticket for its owner.
/// </summary>
public sealed class CustomerSearchIsolationTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Another_customer_finds_nothing_of_a_ticket_by_its_words_number_or_owners_email(DatabaseProvider provider)
    {
        await using var desk = await SecurityDesk.CreateAsync(templates, provider);
        var number = desk.TicketNumber;
        // Customer A's ticket is "Printer on floor 3 is jammed"; "jamed" is a typo PostgreSQL forgives.
        string[] searches = ["jammed", "printer error", number, desk.User(Visitor.CustomerA).Email!, "jamed"];

        foreach (var text in searches)
        {
            var query = Uri.EscapeDataString(text);
            var page = await ReadAsync(desk.BrowserOf(Visitor.CustomerB), $"/portal?q={query}");
            var api = await ReadAsync(desk.ApiOf(Visitor.CustomerB), $"/api/tickets?q={query}");

            Assert.False(page.Contains($"data-ticket=\"{number}\"", StringComparison.Ordinal), $"Customer B's portal lists A's ticket for '{text}'");
            Assert.False(api.Contains(number, StringComparison.Ordinal), $"Customer B's API search finds A's ticket for '{text}'");
            Assert.Contains("\"total\":0", api, StringComparison.Ordinal);
        }

        foreach (var text in searches[..3])
        {
            var query = Uri.EscapeDataString(text);
            Assert.Contains($"data-ticket=\"{number}\"", await ReadAsync(desk.BrowserOf(Visitor.CustomerA), $"/portal?q={query}"), StringComparison.Ordinal);
            Assert.Contains(number, await ReadAsync(desk.ApiOf(Visitor.CustomerA), $"/api/tickets?q={query}"), StringComparison.Ordinal);
        }
    }

    private static async Task<string> ReadAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: expected 200, got {response.StatusCode}");
        return await response.Content.ReadAsStringAsync(Cancel);
    }
}
