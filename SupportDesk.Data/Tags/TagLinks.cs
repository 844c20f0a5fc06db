using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Tags;

internal static class TagLinks
{
    /// <summary>Links the ticket to each named tag, creating tags on first use; names must already be normalised.</summary>
    public static Task AddAsync(SupportDbContext db, Ticket ticket, IReadOnlyList<string> names, CancellationToken cancellationToken) =>
        AddAsync(db, [(ticket, names)], cancellationToken);

    /// <summary>As for one ticket; a new tag named by several tickets is created once, so they all link to the same row.</summary>
    public static async Task AddAsync(
        SupportDbContext db, IReadOnlyList<(Ticket Ticket, IReadOnlyList<string> Names)> links, CancellationToken cancellationToken)
    {
        var names = links.SelectMany(l => l.Names).Distinct().ToList();
        if (names.Count == 0)
        {
            return;
        }

        var tags = await db.Tags.Where(t => names.Contains(t.Name)).ToDictionaryAsync(t => t.Name, cancellationToken);
        foreach (var (ticket, ticketNames) in links)
        {
            foreach (var name in ticketNames)
            {
                if (!tags.TryGetValue(name, out var tag))
                {
                    tag = new Tag { Name = name, Color = TagNames.ColorFor(name) };
                    tags[name] = tag;
                }

                ticket.TicketTags.Add(new TicketTag { Ticket = ticket, Tag = tag });
            }
        }
    }
}
