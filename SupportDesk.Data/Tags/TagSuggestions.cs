using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;

namespace SupportDesk.Data.Tags;

/// <summary>Existing tag names for the tag editor, so staff reuse tags instead of inventing near-duplicates.</summary>
public sealed class TagSuggestions(IDbContextFactory<SupportDbContext> contexts)
{
    public const int MaxLimit = 50;

    /// <summary>
    /// Tags whose name starts with <paramref name="prefix"/> (compared as stored: trimmed, lower-case), most used
    /// first. Customers get none: tag names of other people's tickets are not theirs to read.
    /// </summary>
    public async Task<IReadOnlyList<string>> SearchAsync(Actor actor, string? prefix, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsStaff || limit <= 0)
        {
            return [];
        }

        var start = TagNames.Clean(prefix);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tags = db.Tags.AsNoTracking();
        if (start.Length > 0)
        {
            tags = tags.Where(t => t.Name.StartsWith(start));
        }

        return await tags
            .OrderByDescending(t => t.TicketTags.Count).ThenBy(t => t.Name)
            .Take(Math.Min(limit, MaxLimit))
            .Select(t => t.Name)
            .ToListAsync(cancellationToken);
    }
}
