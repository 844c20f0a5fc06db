using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportDesk.Data.Audit;

/// <summary>One field's change in an audit entry.</summary>
public sealed record FieldChange(string Field, object? From, object? To);

/// <summary>The one shape of <see cref="AuditEntry.Changes"/>: <c>{"field": {"from": …, "to": …}}</c>, enums by name.</summary>
public static class AuditChanges
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string ToJson(IEnumerable<FieldChange> changes) =>
        JsonSerializer.Serialize(changes.ToDictionary(c => c.Field, c => new FromTo(c.From, c.To)), Json);

    private sealed record FromTo(object? From, object? To);
}
