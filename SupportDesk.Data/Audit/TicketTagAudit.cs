using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Tags;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Audit;

/// <summary>One ticket's tag names before and after a save; <paramref name="Tracked"/> is the ticket when the save tracks it.</summary>
internal sealed record TagChange(Ticket? Tracked, string Number, FieldChange Change);

/// <summary>
/// Tag links are rows of their own, so a ticket's entry never sees them change. This turns the links added and
/// removed in one save into one <c>tags</c> change per ticket: the sorted names before and after.
/// </summary>
internal static class TicketTagAudit
{
    public const string Field = "tags";

    public static async Task<List<TagChange>> CollectAsync(SupportDbContext db, bool sync, CancellationToken cancellationToken)
    {
        var links = db.ChangeTracker.Entries<TicketTag>()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted)
            // A ticket deleted for good takes its links along; its PermanentDelete entry says enough.
            .Where(e => e.Entity.Ticket is null || db.Entry(e.Entity.Ticket).State != EntityState.Deleted)
            .ToList();
        if (links.Count == 0)
        {
            return [];
        }

        var storedIds = links.Where(l => !IsNewTicket(db, l.Entity)).Select(l => l.Entity.TicketId).Distinct().ToList();
        var stored = storedIds.Count == 0 ? [] : await SyncOrAsync.ToListAsync(
            db.TicketTags.AsNoTracking().Where(tt => storedIds.Contains(tt.TicketId)).Select(tt => new StoredLink(tt.TicketId, tt.TagId, tt.Tag!.Name)),
            sync,
            cancellationToken);
        var names = await TagNamesAsync(db, links, stored, sync, cancellationToken);
        var untracked = links.Where(l => l.Entity.Ticket is null).Select(l => l.Entity.TicketId).Distinct().ToList();
        var numbers = await SyncOrAsync.TicketNumbersAsync(db, untracked, sync, cancellationToken);

        return [.. links
            .GroupBy(l => (object?)l.Entity.Ticket ?? l.Entity.TicketId)
            .Select(g => Describe(db, [.. g], stored, names, numbers))
            .OfType<TagChange>()];
    }

    private static TagChange? Describe(
        SupportDbContext db, List<EntityEntry<TicketTag>> links, List<StoredLink> stored, Dictionary<int, string> names, Dictionary<long, string> numbers)
    {
        var link = links[0].Entity;
        var isNew = IsNewTicket(db, link);
        var before = isNew ? [] : stored.Where(s => s.TicketId == link.TicketId).Select(s => s.Name).Order(StringComparer.Ordinal).ToList();
        var after = new SortedSet<string>(before, StringComparer.Ordinal);
        foreach (var entry in links)
        {
            var name = entry.Entity.Tag?.Name ?? names[entry.Entity.TagId];
            _ = entry.State == EntityState.Deleted ? after.Remove(name) : after.Add(name);
        }

        var number = link.Ticket?.Number ?? numbers.GetValueOrDefault(link.TicketId);
        if (number is null || after.SetEquals(before))
        {
            return null;
        }

        return new TagChange(link.Ticket, number, new FieldChange(Field, isNew ? null : before, after.ToList()));
    }

    /// <summary>Names of the tags whose rows the save does not track: from the stored links, else one read.</summary>
    private static async Task<Dictionary<int, string>> TagNamesAsync(
        SupportDbContext db, List<EntityEntry<TicketTag>> links, List<StoredLink> stored, bool sync, CancellationToken cancellationToken)
    {
        var names = stored.DistinctBy(s => s.TagId).ToDictionary(s => s.TagId, s => s.Name);
        var missing = links.Where(l => l.Entity.Tag is null && !names.ContainsKey(l.Entity.TagId)).Select(l => l.Entity.TagId).Distinct().ToList();
        if (missing.Count > 0)
        {
            var rows = await SyncOrAsync.ToListAsync(db.Tags.AsNoTracking().Where(t => missing.Contains(t.Id)).Select(t => new { t.Id, t.Name }), sync, cancellationToken);
            foreach (var row in rows)
            {
                names[row.Id] = row.Name;
            }
        }

        return names;
    }

    private static bool IsNewTicket(SupportDbContext db, TicketTag link) =>
        link.Ticket is not null && db.Entry(link.Ticket).State == EntityState.Added;

    private sealed record StoredLink(long TicketId, int TagId, string Name);
}
