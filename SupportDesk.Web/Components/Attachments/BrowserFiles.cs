using Microsoft.AspNetCore.Components.Forms;
using SupportDesk.Data.Attachments;

namespace SupportDesk.Web.Components.Attachments;

public static class BrowserFiles
{
    /// <summary>
    /// Hands chosen files to the services as streams read in slices over the circuit. The stream is
    /// allowed one byte past the limit, so an over-size file reaches the service, which counts the
    /// bytes, stops and explains, instead of failing inside Blazor with its default 500 KB limit.
    /// </summary>
    public static IReadOnlyList<IncomingFile> ToIncoming(IEnumerable<IBrowserFile> files, long maxFileBytes) =>
        files.Select(f => new IncomingFile(f.Name, f.ContentType, cancel => f.OpenReadStream(maxFileBytes + 1, cancel))).ToList();
}
