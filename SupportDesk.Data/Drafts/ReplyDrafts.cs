using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Drafts;

/// <summary>A saved draft as its writer gets it back.</summary>
public sealed record DraftView(string Content, bool IsInternal, DateTime SavedAt);

/// <summary>
/// Keeps what a user has typed into a ticket's reply box on the server, one draft per user and ticket, on tickets
/// the user may see. Posting the comment removes the draft (in <see cref="TicketComments"/>, in the same save).
/// </summary>
public sealed class ReplyDrafts(IDbContextFactory<SupportDbContext> contexts)
{
    /// <summary>Stores the text as the actor's draft; blank text removes the draft instead.</summary>
    public async Task<ServiceResult<DraftView?>> SaveAsync(
        Actor actor, string number, string? content, bool isInternal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (isInternal && !actor.IsStaff)
        {
            return ServiceResult<DraftView?>.Failure("isInternal", "Only agents and admins can write internal notes.");
        }

        if (TicketComments.CheckText(content ?? "") is { } invalid)
        {
            return ServiceResult<DraftView?>.Invalid([invalid]);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ticketId = await VisibleTicketIdAsync(db, actor, number, cancellationToken);
        if (ticketId is not { } id)
        {
            return ServiceResult<DraftView?>.Missing("Ticket");
        }

        var draft = await db.ReplyDrafts.FirstOrDefaultAsync(d => d.UserId == actor.UserId && d.TicketId == id, cancellationToken);
        if (string.IsNullOrWhiteSpace(content))
        {
            if (draft is not null)
            {
                db.ReplyDrafts.Remove(draft);
                await db.SaveChangesAsync(cancellationToken);
            }

            return ServiceResult<DraftView?>.Ok(null);
        }

        draft ??= db.ReplyDrafts.Add(new ReplyDraft { UserId = actor.UserId, TicketId = id }).Entity;
        draft.Content = content;
        draft.IsInternal = isInternal;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Two saves of a new draft raced (two tabs); the other one's text is as recent as this one's.
            return ServiceResult<DraftView?>.Conflicted("The draft was saved from another window meanwhile.");
        }

        return ServiceResult<DraftView?>.Ok(new DraftView(draft.Content, draft.IsInternal, draft.UpdatedAt));
    }

    /// <summary>The actor's draft on a ticket they may see, or null. A customer never gets an internal draft back.</summary>
    public async Task<DraftView?> GetAsync(Actor actor, string number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ReplyDrafts.AsNoTracking()
            .Where(d => d.UserId == actor.UserId && (actor.IsStaff || !d.IsInternal))
            .Where(d => db.Tickets.VisibleTo(actor).Any(t => t.Id == d.TicketId && t.Number == number))
            .Select(d => new DraftView(d.Content, d.IsInternal, d.UpdatedAt))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task DeleteAsync(Actor actor, string number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.ReplyDrafts
            .Where(d => d.UserId == actor.UserId && d.Ticket!.Number == number)
            .ExecuteDeleteAsync(cancellationToken);
    }

    private static Task<long?> VisibleTicketIdAsync(SupportDbContext db, Actor actor, string number, CancellationToken cancellationToken) =>
        db.Tickets.VisibleTo(actor).Where(t => t.Number == number).Select(t => (long?)t.Id).FirstOrDefaultAsync(cancellationToken);
}
