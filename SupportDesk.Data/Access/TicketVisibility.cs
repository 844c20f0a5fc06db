using SupportDesk.Data.Attachments;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Access;

/// <summary>
/// The one rule for who may see which ticket. Every ticket read (lists, search, detail, API, export,
/// notifications) starts from <see cref="VisibleTo"/>.
/// </summary>
public static class TicketVisibility
{
    /// <summary>Customers see their own tickets; staff see every ticket; nobody sees deleted ones here (the trash is separate).</summary>
    public static IQueryable<Ticket> VisibleTo(this IQueryable<Ticket> tickets, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var live = tickets.Where(t => t.DeletedAt == null);
        return actor.IsStaff ? live : live.Where(t => t.CreatorId == actor.UserId);
    }

    /// <summary>
    /// Exactly the tickets <see cref="VisibleTo(IQueryable{Ticket}, Actor)"/> leaves out, said beside it so the two
    /// cannot drift apart (a test checks they split every ticket between them). For staff these are the few deleted
    /// tickets, which lets a figure over many rows subtract them instead of checking every row's ticket.
    /// </summary>
    public static IQueryable<Ticket> HiddenFrom(this IQueryable<Ticket> tickets, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsStaff ? tickets.Where(t => t.DeletedAt != null) : tickets.Where(t => t.DeletedAt != null || t.CreatorId != actor.UserId);
    }

    /// <summary>As <see cref="VisibleTo(IQueryable{Ticket}, Actor)"/>, but admins may ask for deleted tickets too (everyone else is refused them silently).</summary>
    public static IQueryable<Ticket> VisibleTo(this IQueryable<Ticket> tickets, Actor actor, bool includeDeleted)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return includeDeleted && actor.IsAdmin ? tickets : tickets.VisibleTo(actor);
    }

    /// <summary>The files on the tickets the actor may see; files on internal notes are staff-only, like the notes.</summary>
    public static IQueryable<Attachment> AttachmentsVisibleTo(this IQueryable<Ticket> tickets, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var files = tickets.VisibleTo(actor).SelectMany(t => t.Attachments);
        return actor.IsStaff ? files : files.Where(a => a.CommentId == null || !a.Comment!.IsInternal);
    }
}
