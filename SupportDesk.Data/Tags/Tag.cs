using SupportDesk.Data.Infrastructure;

namespace SupportDesk.Data.Tags;

public class Tag : ICreationStamped
{
    public const int NameMaxLength = 50;
    public const int DescriptionMaxLength = 500;

    public int Id { get; set; }

    /// <summary>Trimmed and lower-cased before it is stored.</summary>
    public string Name { get; set; } = "";

    /// <summary><c>#rrggbb</c>.</summary>
    public string Color { get; set; } = "#607d8b";

    public string? Description { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<TicketTag> TicketTags { get; set; } = [];
}
