using System.Globalization;
using SupportDesk.Data.Audit;

namespace SupportDesk.Data.Tags;

/// <summary>
/// Audit rows for the tag catalogue itself, in the shape every audit row uses: field to from/to. The tickets a
/// change touches get their own <c>tags</c> entries from <see cref="TicketTagAudit"/>.
/// </summary>
internal static class TagAudit
{
    public const string EntityName = nameof(Tag);

    public static AuditEntry Entry(AuditSource source, int tagId, AuditAction action, IEnumerable<FieldChange> changes) => new()
    {
        EntityName = EntityName,
        RecordId = tagId.ToString(CultureInfo.InvariantCulture),
        Action = action,
        UserId = source.UserId,
        IpAddress = source.IpAddress,
        UserAgent = source.UserAgent,
        Changes = AuditChanges.ToJson(changes),
    };

    /// <summary>The fields of a tag that appears or disappears: each value on one side, nothing on the other.</summary>
    public static IEnumerable<FieldChange> Fields(Tag tag, bool removed) =>
        new (string Field, string? Value)[] { ("name", tag.Name), ("color", tag.Color), ("description", tag.Description) }
            .Where(f => f.Value is not null)
            .Select(f => removed ? new FieldChange(f.Field, f.Value, null) : new FieldChange(f.Field, null, f.Value));
}
