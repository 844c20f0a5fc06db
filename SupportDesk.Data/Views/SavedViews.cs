using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Infrastructure;

namespace SupportDesk.Data.Views;

/// <summary>
/// Queues agents name and keep: their own, and those colleagues share with the team. Only the owner changes a
/// view; an admin may also delete a shared one (a team view whose owner left, say). Every change is audited.
/// </summary>
public sealed class SavedViews(IDbContextFactory<SupportDbContext> contexts)
{
    /// <summary>The caller's views and the team's, by name. A deactivated owner's shared views stay: the team still uses them.</summary>
    public async Task<IReadOnlyList<SavedViewRow>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsStaff)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.SavedViews.AsNoTracking()
            .Where(v => v.OwnerId == actor.UserId || v.IsShared)
            .Select(v => new SavedViewRow(v.Id, v.Name, v.Query, v.IsShared, v.OwnerId == actor.UserId, v.Owner!.FullName))
            .ToListAsync(cancellationToken);

        // Sorted here, not in SQL, so both engines (whose collations differ) list a team's few views alike.
        return [.. rows.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.OwnerName, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Id)];
    }

    public async Task<ServiceResult<SavedViewRow>> SaveAsync(Actor actor, NewSavedView input, AuditSource? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        if (!actor.IsStaff)
        {
            return StaffOnly();
        }

        var errors = new List<FieldError>();
        var name = CheckName(input.Name, errors);
        var query = CheckQuery(input.Query, errors);
        if (errors.Count > 0)
        {
            return ServiceResult<SavedViewRow>.Invalid(errors);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await NameTakenAsync(db, actor.UserId, name, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        var view = new SavedView { OwnerId = actor.UserId, Name = name, Query = query, IsShared = input.IsShared };
        db.SavedViews.Add(view);
        if (await TrySaveAsync(db, name, cancellationToken) is { } duplicate)
        {
            return duplicate;
        }

        // The id exists only once the row is in, and the audit row names it.
        db.AuditEntries.Add(Entry(actor, source, view.Id, AuditAction.Create,
            [new FieldChange("name", null, name), new FieldChange("query", null, query), new FieldChange("isShared", null, input.IsShared)]));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ServiceResult<SavedViewRow>.Ok(Row(view, actor, await OwnerNameAsync(db, actor, cancellationToken)));
    }

    public Task<ServiceResult<SavedViewRow>> RenameAsync(Actor actor, int viewId, string? name, AuditSource? source, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var trimmed = CheckName(name, errors);
        return errors.Count > 0
            ? Task.FromResult(ServiceResult<SavedViewRow>.Invalid(errors))
            : ChangeAsync(actor, viewId, source, trimmed, view => Set(view.Name, trimmed, "name", v => view.Name = v), cancellationToken);
    }

    /// <summary>Replaces what the view shows with another query string (the queue as it is now).</summary>
    public Task<ServiceResult<SavedViewRow>> UpdateQueryAsync(Actor actor, int viewId, string? query, AuditSource? source, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var normalized = CheckQuery(query, errors);
        return errors.Count > 0
            ? Task.FromResult(ServiceResult<SavedViewRow>.Invalid(errors))
            : ChangeAsync(actor, viewId, source, null, view => Set(view.Query, normalized, "query", v => view.Query = v), cancellationToken);
    }

    public Task<ServiceResult<SavedViewRow>> SetSharedAsync(Actor actor, int viewId, bool shared, AuditSource? source, CancellationToken cancellationToken) =>
        ChangeAsync(actor, viewId, source, null, view => Set(view.IsShared, shared, "isShared", v => view.IsShared = v), cancellationToken);

    /// <summary>The owner deletes their view; an admin may delete any shared one too.</summary>
    public async Task<ServiceResult> DeleteAsync(Actor actor, int viewId, AuditSource? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsStaff)
        {
            return StaffOnly();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var view = await VisibleAsync(db, actor, viewId, cancellationToken);
        if (view is null)
        {
            return Missing();
        }

        if (view.OwnerId != actor.UserId && !(actor.IsAdmin && view.IsShared))
        {
            return NotOwner();
        }

        db.SavedViews.Remove(view);
        db.AuditEntries.Add(Entry(actor, source, view.Id, AuditAction.PermanentDelete,
            [new FieldChange("name", view.Name, null), new FieldChange("query", view.Query, null), new FieldChange("isShared", view.IsShared, null)]));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ServiceResult.Success;
    }

    /// <summary>
    /// The shared shape of an owner's edit: find the view, refuse anyone but its owner, apply one field change and
    /// audit it; a change to the value the view already has saves nothing.
    /// </summary>
    private async Task<ServiceResult<SavedViewRow>> ChangeAsync(
        Actor actor, int viewId, AuditSource? source, string? newName, Func<SavedView, FieldChange?> apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsStaff)
        {
            return StaffOnly();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var view = await VisibleAsync(db, actor, viewId, cancellationToken);
        if (view is null)
        {
            return Missing();
        }

        if (view.OwnerId != actor.UserId)
        {
            return NotOwner();
        }

        if (newName is not null && await NameTakenAsync(db, actor.UserId, newName, view.Id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (apply(view) is { } change)
        {
            db.AuditEntries.Add(Entry(actor, source, view.Id, AuditAction.Update, [change]));
            if (await TrySaveAsync(db, view.Name, cancellationToken) is { } duplicate)
            {
                return duplicate;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return ServiceResult<SavedViewRow>.Ok(Row(view, actor, await OwnerNameAsync(db, actor, cancellationToken)));
    }

    private static FieldChange? Set<T>(T before, T after, string field, Action<T> assign)
    {
        if (EqualityComparer<T>.Default.Equals(before, after))
        {
            return null;
        }

        assign(after);
        return new FieldChange(field, before, after);
    }

    /// <summary>A view the actor may see: their own or a shared one. Anyone else's private view looks missing.</summary>
    private static Task<SavedView?> VisibleAsync(SupportDbContext db, Actor actor, int viewId, CancellationToken cancellationToken) =>
        db.SavedViews.FirstOrDefaultAsync(v => v.Id == viewId && (v.OwnerId == actor.UserId || v.IsShared), cancellationToken);

    /// <summary>
    /// Names differing only in case would look like one view in the menu, so they count as taken. An owner keeps a
    /// handful of views, so the comparison runs here rather than relying on each engine's idea of case.
    /// </summary>
    private static async Task<ServiceResult<SavedViewRow>?> NameTakenAsync(
        SupportDbContext db, string ownerId, string name, int? exceptId, CancellationToken cancellationToken)
    {
        var names = await db.SavedViews.Where(v => v.OwnerId == ownerId && v.Id != exceptId).Select(v => v.Name).ToListAsync(cancellationToken);
        var taken = names.Find(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        return taken is null ? null : Duplicate(taken);
    }

    /// <summary>Saves, turning the unique index's refusal (a view of that name saved meanwhile) into the usual message.</summary>
    private static async Task<ServiceResult<SavedViewRow>?> TrySaveAsync(SupportDbContext db, string name, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return Duplicate(name);
        }
    }

    private static string CheckName(string? name, List<FieldError> errors)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > SavedView.NameMaxLength)
        {
            errors.Add(new FieldError("name", $"Give the view a name of 1 to {SavedView.NameMaxLength} characters."));
        }

        TextRules.Check(errors, "name", "The view name", trimmed);
        return trimmed;
    }

    private static string CheckQuery(string? query, List<FieldError> errors)
    {
        var normalized = SavedViewQuery.Normalize(query);
        if (normalized.Length > SavedView.QueryMaxLength)
        {
            errors.Add(new FieldError("query", $"These filters are too long to save as a view (at most {SavedView.QueryMaxLength} characters)."));
        }

        return normalized;
    }

    private static async Task<string> OwnerNameAsync(SupportDbContext db, Actor actor, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.FullName).FirstOrDefaultAsync(cancellationToken) ?? "";

    private static SavedViewRow Row(SavedView view, Actor actor, string ownerName) =>
        new(view.Id, view.Name, view.Query, view.IsShared, view.OwnerId == actor.UserId, ownerName);

    private static AuditEntry Entry(Actor actor, AuditSource? source, int viewId, AuditAction action, IEnumerable<FieldChange> changes) => new()
    {
        EntityName = nameof(SavedView),
        RecordId = viewId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Action = action,
        UserId = actor.UserId,
        IpAddress = source?.IpAddress,
        UserAgent = source?.UserAgent,
        Changes = AuditChanges.ToJson(changes),
    };

    private static ServiceResult<SavedViewRow> Duplicate(string name) =>
        ServiceResult<SavedViewRow>.Failure("name", $"You already have a view named \"{name}\".");

    private static ServiceResult<SavedViewRow> StaffOnly() => ServiceResult<SavedViewRow>.Failure("", "Only agents and admins have saved views.");

    private static ServiceResult<SavedViewRow> Missing() => ServiceResult<SavedViewRow>.Missing("View");

    private static ServiceResult<SavedViewRow> NotOwner() => ServiceResult<SavedViewRow>.Failure("", "Only the view's owner can change it.");
}
