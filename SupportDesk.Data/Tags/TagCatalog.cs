using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Tags;

/// <summary>
/// The tag catalogue: staff read it, admins create, edit, delete and merge tags. Counts are over the tickets
/// <see cref="TicketVisibility"/> shows the reader (live ones), computed by aggregate queries in the database.
/// </summary>
public sealed partial class TagCatalog(IDbContextFactory<SupportDbContext> contexts, TimeProvider clock)
{
    private const string ReadRefused = "Only agents and admins can read tags.";

    /// <summary>Every tag with its live tickets and last use, by name or most used first (ties by name).</summary>
    public async Task<ServiceResult<IReadOnlyList<TagRow>>> ListAsync(Actor actor, TagSort sort, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsStaff)
        {
            return ServiceResult<IReadOnlyList<TagRow>>.Failure("", ReadRefused);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var links =
            from link in db.TicketTags
            join ticket in db.Tickets.VisibleTo(actor) on link.TicketId equals ticket.Id
            select link;
        var rows = db.Tags.AsNoTracking().Select(tag => new
        {
            tag.Id,
            tag.Name,
            tag.Color,
            tag.Description,
            Count = links.Count(l => l.TagId == tag.Id),
            LastUsedAt = links.Where(l => l.TagId == tag.Id).Max(l => (DateTime?)l.AddedAt),
        });
        var ordered = sort == TagSort.MostUsed ? rows.OrderByDescending(r => r.Count).ThenBy(r => r.Name) : rows.OrderBy(r => r.Name);
        var list = await ordered.ToListAsync(cancellationToken);
        return ServiceResult<IReadOnlyList<TagRow>>.Ok([.. list.Select(r => new TagRow(r.Id, r.Name, r.Color, r.Description, r.Count, r.LastUsedAt))]);
    }

    /// <summary>One tag's live tickets by status and by priority, from one GROUP BY.</summary>
    public async Task<ServiceResult<TagStatistics>> StatisticsAsync(Actor actor, int tagId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsStaff)
        {
            return ServiceResult<TagStatistics>.Failure("", ReadRefused);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var name = await db.Tags.Where(t => t.Id == tagId).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return ServiceResult<TagStatistics>.Missing("Tag");
        }

        var groups = await db.Tickets.VisibleTo(actor)
            .Where(t => t.TicketTags.Any(tt => tt.TagId == tagId))
            .GroupBy(t => new { t.Status, t.Priority })
            .Select(g => new { g.Key.Status, g.Key.Priority, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return ServiceResult<TagStatistics>.Ok(new TagStatistics(
            tagId,
            name,
            groups.Sum(g => g.Count),
            [.. Enum.GetValues<TicketStatus>().Select(s => new StatusCount(s, groups.Where(g => g.Status == s).Sum(g => g.Count)))],
            [.. Enum.GetValues<TicketPriority>().Select(p => new PriorityCount(p, groups.Where(g => g.Priority == p).Sum(g => g.Count)))]));
    }

    /// <summary>Adds a tag; the result is its id.</summary>
    public Task<ServiceResult<int>> CreateAsync(Actor actor, TagInput input, AuditSource? source, CancellationToken cancellationToken) =>
        ChangeAsync(actor, source, input, async (db, audit, values) =>
        {
            if (await db.Tags.AnyAsync(t => t.Name == values.Name, cancellationToken))
            {
                return Taken(values.Name);
            }

            db.Tags.Add(values);
            if (!await TrySaveAsync(db, cancellationToken))
            {
                return Taken(values.Name);
            }

            db.AuditEntries.Add(TagAudit.Entry(audit, values.Id, AuditAction.Create, TagAudit.Fields(values, removed: false)));
            await db.SaveChangesAsync(cancellationToken);
            return ServiceResult<int>.Ok(values.Id);
        }, cancellationToken);

    /// <summary>Renames, recolours or redescribes a tag; its tickets keep it under the new name.</summary>
    public Task<ServiceResult<int>> UpdateAsync(Actor actor, int tagId, TagInput input, AuditSource? source, CancellationToken cancellationToken) =>
        ChangeAsync(actor, source, input, async (db, audit, values) =>
        {
            var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == tagId, cancellationToken);
            if (tag is null)
            {
                return ServiceResult<int>.Missing("Tag");
            }

            if (await db.Tags.AnyAsync(t => t.Name == values.Name && t.Id != tagId, cancellationToken))
            {
                return Taken(values.Name);
            }

            var changes = new FieldChange[]
            {
                new("name", tag.Name, values.Name), new("color", tag.Color, values.Color), new("description", tag.Description, values.Description),
            }.Where(c => !Equals(c.From, c.To)).ToList();
            if (changes.Count == 0)
            {
                return ServiceResult<int>.Ok(tag.Id);
            }

            (tag.Name, tag.Color, tag.Description) = (values.Name, values.Color, values.Description);
            db.AuditEntries.Add(TagAudit.Entry(audit, tag.Id, AuditAction.Update, changes));
            return await TrySaveAsync(db, cancellationToken) ? ServiceResult<int>.Ok(tag.Id) : Taken(values.Name);
        }, cancellationToken);

    private Task<ServiceResult<int>> ChangeAsync(
        Actor actor, AuditSource? source, Func<SupportDbContext, AuditSource, Task<ServiceResult<int>>> work, CancellationToken cancellationToken) =>
        AdminChange.RunAsync(contexts, actor, source, "Only admins can change tags.", work, cancellationToken);

    /// <summary>As the plain overload, for work on a typed tag: the input is checked (and refused untouched) before any read.</summary>
    private Task<ServiceResult<int>> ChangeAsync(
        Actor actor, AuditSource? source, TagInput input, Func<SupportDbContext, AuditSource, Tag, Task<ServiceResult<int>>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var values = Check(input, out var errors);
        return ChangeAsync(actor, source, (db, audit) => errors.Count > 0 ? Task.FromResult(ServiceResult<int>.Invalid(errors)) : work(db, audit, values), cancellationToken);
    }

    /// <summary>The input as it would be stored (trimmed; name and colour lower-case; a blank description none), and what is wrong with it.</summary>
    private static Tag Check(TagInput input, out List<FieldError> errors)
    {
        errors = [];
        var tag = new Tag
        {
            Name = TagNames.Clean(input.Name),
            Color = input.Color?.Trim().ToLowerInvariant() ?? "",
            Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim(),
        };
        if (tag.Name.Length == 0)
        {
            errors.Add(new FieldError("name", "Enter a name for the tag."));
        }
        else if (tag.Name.Length > Tag.NameMaxLength)
        {
            errors.Add(new FieldError("name", TagNames.TooLong));
        }
        else if (TagNames.CheckText("name", tag.Name) is { } unstorable)
        {
            errors.Add(unstorable);
        }

        if (!TagNames.IsColor(tag.Color))
        {
            errors.Add(new FieldError("color", "Choose a colour written as #rrggbb, for example #1e88e5."));
        }

        if (tag.Description?.Length > Tag.DescriptionMaxLength)
        {
            errors.Add(new FieldError("description", $"Descriptions must be at most {Tag.DescriptionMaxLength} characters."));
        }

        TextRules.Check(errors, "description", "The description", tag.Description, multiline: true);

        return tag;
    }

    private static ServiceResult<int> Taken(string name) => ServiceResult<int>.Failure("name", $"A tag named \"{name}\" already exists.");

    /// <summary>Saves, or reports false when another admin took the name meanwhile (the unique index decides).</summary>
    private static async Task<bool> TrySaveAsync(SupportDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return false;
        }
    }
}
