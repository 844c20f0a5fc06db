using NpgsqlTypes;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Search;

/// <summary>
/// PostgreSQL's search document for one ticket, kept up to date by triggers (see the TicketSearch
/// migration) and never written by the application. It lives beside the ticket, not in it, so queue
/// scans over tickets do not drag the documents along. Customers search <see cref="PublicText"/>;
/// staff search <see cref="StaffText"/>, which adds internal notes.
/// </summary>
public class TicketSearchDocument
{
    public long TicketId { get; set; }
    public Ticket? Ticket { get; set; }

    /// <summary>Title (weight A), description (B) and public replies (C).</summary>
    public NpgsqlTsVector PublicText { get; set; } = null!;

    /// <summary><see cref="PublicText"/> plus internal notes (C).</summary>
    public NpgsqlTsVector StaffText { get; set; } = null!;
}
