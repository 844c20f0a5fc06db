using System.Globalization;
using SupportDesk.Data.Audit;

namespace SupportDesk.Data.Sla;

/// <summary>Audit rows for SLA policies, in the shape every audit row uses: field to from/to, targets in minutes.</summary>
internal static class SlaPolicyAudit
{
    public static AuditEntry Entry(AuditSource source, int policyId, AuditAction action, IEnumerable<FieldChange> changes) => new()
    {
        EntityName = nameof(SlaPolicy),
        RecordId = policyId.ToString(CultureInfo.InvariantCulture),
        Action = action,
        UserId = source.UserId,
        IpAddress = source.IpAddress,
        UserAgent = source.UserAgent,
        Changes = AuditChanges.ToJson(changes),
    };

    /// <summary>The fields that differ between two versions of a policy; a null side is a policy created or deleted.</summary>
    public static List<FieldChange> Changes(SlaPolicy? before, SlaPolicy? after) =>
        [.. Fields(before).Zip(Fields(after), (b, a) => new FieldChange(b.Field, b.Value, a.Value)).Where(c => !Equals(c.From, c.To))];

    private static IEnumerable<(string Field, object? Value)> Fields(SlaPolicy? p) =>
    [
        ("name", p?.Name), ("category", p?.Category), ("calendar", p?.Calendar),
        ("lowFirstResponseMinutes", p?.LowFirstResponseMinutes), ("lowResolutionMinutes", p?.LowResolutionMinutes),
        ("mediumFirstResponseMinutes", p?.MediumFirstResponseMinutes), ("mediumResolutionMinutes", p?.MediumResolutionMinutes),
        ("highFirstResponseMinutes", p?.HighFirstResponseMinutes), ("highResolutionMinutes", p?.HighResolutionMinutes),
        ("urgentFirstResponseMinutes", p?.UrgentFirstResponseMinutes), ("urgentResolutionMinutes", p?.UrgentResolutionMinutes),
    ];
}
