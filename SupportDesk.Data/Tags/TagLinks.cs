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

        foreach (var tag in await FindOrCreateAsync(db, names, cancellationToken))
        {
            ticket.TicketTags.Add(new TicketTag { Ticket = ticket, Tag = tag });
        }
    }

    /// <summary>The named tags; those not in use yet are added to the context, to be inserted by its next save.</summary>
    public static async Task<IReadOnlyList<Tag>> FindOrCreateAsync(SupportDbContext db, IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        var existing = await db.Tags.Where(t => names.Contains(t.Name)).ToDictionaryAsync(t => t.Name, cancellationToken);
        return [.. names.Select(name => existing.GetValueOrDefault(name) ?? db.Tags.Add(new Tag { Name = name, Color = TagNames.ColorFor(name) }).Entity)];
    }
}
