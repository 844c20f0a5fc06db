using System.Net;
using SupportDesk.Data.Engines;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Api;

public sealed class OpenApiTests(DatabaseTemplates templates)
{
    [Fact]
    public async Task The_openapi_document_lists_the_api_paths_and_the_bearer_scheme_and_nothing_else()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        await using var app = new SupportDeskApp(database.Options);
        using var anonymous = app.ApiClient();

        var document = await (await anonymous.GetApiAsync("/openapi/v1.json")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(
            ["/api/tickets", "/api/tickets/batch", "/api/tickets/bulk", "/api/tickets/{number}", "/api/tickets/{number}/assignee", "/api/tickets/{number}/comments", "/api/tickets/{number}/status", "/api/users", "/api/users/{id}"],
            document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal(("http", "bearer"), (bearer.GetProperty("type").GetString(), bearer.GetProperty("scheme").GetString()));
        Assert.True(document.GetProperty("security")[0].TryGetProperty("Bearer", out _));
    }

    [Fact]
    public async Task The_ticket_list_is_documented_with_the_queues_filters_a_cursor_and_next()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        await using var app = new SupportDeskApp(database.Options);
        using var anonymous = app.ApiClient();

        var document = await (await anonymous.GetApiAsync("/openapi/v1.json")).JsonAsync(HttpStatusCode.OK);

        var list = document.GetProperty("paths").GetProperty("/api/tickets").GetProperty("get");
        Assert.Equal(
            ["after", "assignee", "assigneeId", "category", "dir", "limit", "priority", "q", "sort", "status", "tag", "tagMatch"],
            list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        var page = document.GetProperty("components").GetProperty("schemas").GetProperty("TicketPageResponse").GetProperty("properties");
        Assert.Equal(["items", "next", "total", "totalIsCapped"], page.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }
}
