using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Tags;

internal static class TagLinks
{
    /// <summary>Links the ticket to each named tag, creating tags on first use; names must already be normalised.</summary>
    public static async Task AddAsync(SupportDbContext db, Ticket ticket, IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        if (names.Count == 0)
        {
            return;
        }

        var existing = await db.Tags.Where(t => names.Contains(t.Name)).ToDictionaryAsync(t => t.Name, cancellationToken);
        foreach (var name in names)
        {
            var tag = existing.GetValueOrDefault(name) ?? new Tag { Name = name, Color = TagNames.ColorFor(name) };
            ticket.TicketTags.Add(new TicketTag { Ticket = ticket, Tag = tag });
        }
    }
}
