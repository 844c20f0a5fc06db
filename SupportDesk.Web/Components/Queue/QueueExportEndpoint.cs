using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using SupportDesk.Data.Export;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Users;
using SupportDesk.Web.Components.Common;

namespace SupportDesk.Web.Components.Queue;

/// <summary><c>GET /tickets/export.csv?&lt;the queue's query string&gt;</c>: every ticket of that view, streamed as CSV.</summary>
public static class QueueExportEndpoint
{
    public const string Path = "/tickets/export.csv";

    public static IEndpointRouteBuilder MapQueueExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, Export).RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Staff });
        return endpoints;
    }

    /// <summary>The export of the view <paramref name="url"/> shows; paging does not apply, every row is exported.</summary>
    public static string Uri(QueueUrl url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return (url with { Paging = new QueuePaging() }).ToUri(Path);
    }

    private static Results<PushStreamHttpResult, ForbidHttpResult> Export(
        HttpRequest request, HttpResponse response, ClaimsPrincipal user, TicketExport export, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (user.ToActor() is not { IsStaff: true } actor)
        {
            return TypedResults.Forbid();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var url = QueueUrl.Parse(QueryHelpers.ParseQuery(request.QueryString.Value), now);
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(string.Create(CultureInfo.InvariantCulture, $"tickets-{now:yyyyMMdd-HHmm}.csv"));
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.CacheControl = "private, no-store";
        return TypedResults.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, CsvWriter.Encoding, bufferSize: 1 << 16);
            await export.WriteAsync(actor, url.Filter, url.Sort, writer, cancellationToken);
        }, "text/csv; charset=utf-8");
    }
}
