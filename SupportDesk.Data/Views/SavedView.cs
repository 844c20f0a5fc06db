using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Users;

namespace SupportDesk.Data.Views;

/// <summary>
/// A queue an agent named and kept: the queue's query string (filters and sort, never a page cursor),
/// private to its owner unless shared with the team.
/// </summary>
public class SavedView : ITimestamped
{
    public const int NameMaxLength = 80;
    public const int QueryMaxLength = 2000;

    public int Id { get; set; }
    public string OwnerId { get; set; } = "";
    public AppUser? Owner { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The queue address's query string without the leading <c>?</c>, e.g. <c>status=Open&amp;priority=High</c>.</summary>
    public string Query { get; set; } = "";

    public bool IsShared { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
