using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Attachments;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Infrastructure;

namespace SupportDesk.Data.Tickets;

/// <summary>A deleted ticket as the trash lists it: who deleted it (from the audit trail) and what a permanent delete takes along.</summary>
public sealed record TrashedTicket(
    string Number, string Title, string CreatorName, DateTime DeletedAt, string? DeletedByName, int CommentCount, int AttachmentCount);

/// <summary>A zero-based page of the trash, newest deletion first.</summary>
public sealed record TrashQuery(int Page = 0, int PageSize = 25)
{
    public const int MaxPageSize = 100;
}

public sealed record TrashListPage(IReadOnlyList<TrashedTicket> Items, int TotalCount);

/// <summary>
/// Deletion is soft first: staff move tickets to the trash, admins restore them or delete them for good.
/// The audit interceptor records each step in the same save, the final entry included.
/// </summary>
public sealed class TicketTrash(IDbContextFactory<SupportDbContext> contexts, TimeProvider clock, IAttachmentStore files)
{
    public async Task<ServiceResult<string>> SoftDeleteAsync(Actor actor, string number, AuditSource? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await OpenAsync(actor, source, cancellationToken);
        var ticket = await TicketLookup.VisibleAsync(db, actor, number, cancellationToken);
        if (ticket is null)
        {
            return ServiceResult<string>.Missing("Ticket");
        }

        if (!actor.IsStaff)
        {
            return ServiceResult<string>.Failure("", "Only agents and admins can delete tickets.");
        }

        ticket.DeletedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult<string>.Ok(ticket.Number);
    }

    public async Task<ServiceResult<string>> RestoreAsync(Actor actor, string number, AuditSource? source, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(actor, source, cancellationToken);
        var ticket = await TrashedAsync(db, actor, number, cancellationToken);
        if (ticket is null)
        {
            return ServiceResult<string>.Missing("Deleted ticket");
        }

        ticket.DeletedAt = null;
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult<string>.Ok(ticket.Number);
    }

    /// <summary>Only a ticket already in the trash can be deleted for good, with its comments, attachments and tag links.</summary>
    public async Task<ServiceResult<string>> DeletePermanentlyAsync(Actor actor, string number, AuditSource? source, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(actor, source, cancellationToken);
        var ticket = await TrashedAsync(db, actor, number, cancellationToken);
        if (ticket is null)
        {
            return ServiceResult<string>.Missing("Deleted ticket");
        }

        var keys = await db.Attachments.Where(a => a.TicketId == ticket.Id).Select(a => a.StorageKey).ToListAsync(cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await DatabaseAttachmentStore.DeleteChunksAsync(db, keys, cancellationToken);
            db.Tickets.Remove(ticket);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // Database chunks went with the rows above; a folder's files cannot join a transaction, so they
        // go once the rows are gone: a failure here leaves an unreachable file, never a row without bytes.
        await files.DeleteAsync(keys, CancellationToken.None);
        return ServiceResult<string>.Ok(ticket.Number);
    }

    public async Task<ServiceResult<TrashListPage>> ListAsync(Actor actor, TrashQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        if (!actor.IsAdmin)
        {
            return ServiceResult<TrashListPage>.Failure("", "Only admins can open the trash.");
        }

        var pageSize = Math.Clamp(query.PageSize, 1, TrashQuery.MaxPageSize);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var trashed = db.Tickets.AsNoTracking().Where(t => t.DeletedAt != null);
        var total = await trashed.CountAsync(cancellationToken);
        var items = await trashed
            .OrderByDescending(t => t.DeletedAt).ThenByDescending(t => t.Id)
            .Skip(Math.Max(query.Page, 0) * pageSize).Take(pageSize)
            .Select(t => new TrashedTicket(
                t.Number,
                t.Title,
                t.Creator!.FullName,
                t.DeletedAt!.Value,
                db.AuditEntries
                    .Where(a => a.TicketNumber == t.Number && a.Action == AuditAction.SoftDelete)
                    .OrderByDescending(a => a.Id)
                    .Select(a => a.User!.FullName)
                    .FirstOrDefault(),
                t.Comments.Count,
                t.Attachments.Count))
            .ToListAsync(cancellationToken);
        return ServiceResult<TrashListPage>.Ok(new TrashListPage(items, total));
    }

    private async Task<SupportDbContext> OpenAsync(Actor actor, AuditSource? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditSource = source ?? new AuditSource(actor.UserId);
        return db;
    }

    /// <summary>The trash is the admins' alone; for anyone else its tickets do not exist.</summary>
    private static Task<Ticket?> TrashedAsync(SupportDbContext db, Actor actor, string number, CancellationToken cancellationToken) =>
        actor.IsAdmin
            ? db.Tickets.FirstOrDefaultAsync(t => t.Number == number && t.DeletedAt != null, cancellationToken)
            : Task.FromResult<Ticket?>(null);
}
