using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using SupportDesk.Data.Attachments;
using SupportDesk.Web.Components.Common;

namespace SupportDesk.Web.Components.Attachments;

public static class AttachmentEndpoints
{
    /// <summary>
    /// Uploaded files are somebody else's content: they are always saved, never shown, and cannot run
    /// script in the app's origin even if a browser were persuaded to render them.
    /// </summary>
    internal const string ContentSecurityPolicy = "default-src 'none'; sandbox";

    public static IEndpointRouteBuilder MapAttachmentDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/attachments/{id:long}", DownloadAsync).RequireAuthorization();
        return endpoints;
    }

    private static async Task<Results<PushStreamHttpResult, NotFound>> DownloadAsync(
        long id, ClaimsPrincipal user, HttpResponse response, AttachmentDownloads downloads, CancellationToken cancellationToken)
    {
        if (user.ToActor() is not { } actor || (await downloads.FindAsync(actor, id, cancellationToken)).Value is not { } file)
        {
            return TypedResults.NotFound();
        }

        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(file.FileName);
        var headers = response.Headers;
        headers.ContentDisposition = disposition.ToString();
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.CacheControl = "private";
        response.ContentLength = file.SizeBytes;
        return TypedResults.Stream(body => downloads.CopyToAsync(file, body, cancellationToken), file.ContentType);
    }
}
