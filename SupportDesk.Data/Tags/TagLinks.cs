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

        var tags = (await FindOrCreateAsync(db, names, cancellationToken)).ToDictionary(t => t.Name);
        foreach (var (ticket, ticketNames) in links)
        {
            foreach (var name in ticketNames)
            {
                ticket.TicketTags.Add(new TicketTag { Ticket = ticket, Tag = tags[name] });
            }
        }
    }

    /// <summary>The ids of the named tags that exist; names must already be normalised (<see cref="TagNames.Normalize"/>).</summary>
    public static Task<List<int>> IdsAsync(SupportDbContext db, IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        db.Tags.Where(t => names.Contains(t.Name)).Select(t => t.Id).ToListAsync(cancellationToken);

    /// <summary>The named tags; those not in use yet are added to the context, to be inserted by its next save.</summary>
    public static async Task<IReadOnlyList<Tag>> FindOrCreateAsync(SupportDbContext db, IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        var existing = await db.Tags.Where(t => names.Contains(t.Name)).ToDictionaryAsync(t => t.Name, cancellationToken);
        return [.. names.Select(name => existing.GetValueOrDefault(name) ?? db.Tags.Add(new Tag { Name = name, Color = TagNames.ColorFor(name) }).Entity)];
    }
}
