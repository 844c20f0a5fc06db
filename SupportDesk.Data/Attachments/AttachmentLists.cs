using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Attachments;

internal static class AttachmentLists
{
    /// <summary>
    /// Adds the files the actor may see to a ticket's details: the ticket's own, and each listed reply's.
    /// One flat query (SQLite cannot nest a per-reply list in the ticket's projection), through the one visibility rule.
    /// </summary>
    public static async Task<TicketDetails> AddToAsync(SupportDbContext db, Actor actor, TicketDetails details, CancellationToken cancellationToken)
    {
        var files = await db.Tickets.AsNoTracking().AttachmentsVisibleTo(actor)
            .Where(a => a.TicketId == details.Id)
            .OrderBy(a => a.Id)
            .Select(a => new { a.CommentId, View = new AttachmentView(a.Id, a.FileName, a.SizeBytes, a.ContentType) })
            .ToListAsync(cancellationToken);
        if (files.Count == 0)
        {
            return details;
        }

        var byComment = files.ToLookup(f => f.CommentId, f => f.View);
        return details with
        {
            Attachments = [.. byComment[null]],
            Comments = [.. details.Comments.Select(c => c with { Attachments = [.. byComment[c.Id]] })],
        };
    }
}
