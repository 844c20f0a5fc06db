using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using SupportDesk.Data.Dashboards;
using SupportDesk.Data.Export;
using SupportDesk.Data.Users;
using SupportDesk.Web.Components.Common;

namespace SupportDesk.Web.Components.Dashboards;

/// <summary><c>GET /dashboard/export/{table}.csv</c> with the page's own query: the table the page shows, as CSV, for staff.</summary>
public static class DashboardExport
{
    public static IEndpointRouteBuilder MapDashboardExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet($"{DashboardUrl.Path}/export/{{table}}.csv", ExportAsync).RequireAuthorization(p => p.RequireRole(Roles.Agent, Roles.Admin));
        return endpoints;
    }

    private static async Task<Results<PushStreamHttpResult, NotFound, ValidationProblem>> ExportAsync(
        string table, HttpRequest request, ClaimsPrincipal user, DashboardQueries dashboards, UserPreferences preferences, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<DashboardTable>(table, ignoreCase: true, out var chosen) || !Enum.IsDefined(chosen) || user.ToActor() is not { } actor)
        {
            return TypedResults.NotFound();
        }

        var zone = UserTime.ZoneFor(await preferences.GetTimeZoneAsync(actor, cancellationToken));
        var filter = DashboardUrl.Parse(QueryHelpers.ParseQuery(request.QueryString.Value)).ToFilter(clock.GetUtcNow().UtcDateTime, zone);
        var result = await dashboards.ReadAsync(actor, filter, cancellationToken);
        if (result.Value is not { } report)
        {
            return TypedResults.ValidationProblem(result.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"dashboard-{chosen.ToString().ToLowerInvariant()}-{filter.FirstDay:yyyy-MM-dd}-{filter.LastDay:yyyy-MM-dd}.csv");
        return TypedResults.Stream(
            async body =>
            {
                await using var writer = new StreamWriter(body, CsvWriter.Encoding);
                await DashboardCsv.WriteAsync(report, chosen, writer);
            },
            "text/csv",
            name);
    }
}
