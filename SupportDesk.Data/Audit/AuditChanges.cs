using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupportDesk.Data.Audit;

/// <summary>One field's change in an audit entry.</summary>
public sealed record FieldChange(string Field, object? From, object? To);

/// <summary>One field's change as text, for reading: lists joined with ", ", null when the side was empty.</summary>
public sealed record ChangeView(string Field, string? From, string? To);

/// <summary>The one shape of <see cref="AuditEntry.Changes"/>: <c>{"field": {"from": …, "to": …}}</c>, enums by name.</summary>
public static class AuditChanges
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string ToJson(IEnumerable<FieldChange> changes) =>
        JsonSerializer.Serialize(changes.ToDictionary(c => c.Field, c => new FromTo(c.From, c.To)), Json);

    /// <summary>The changes of a stored entry, in stored order; anything that is not the expected shape reads as no changes.</summary>
    public static IReadOnlyList<ChangeView> Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [];
            }

            return [.. document.RootElement.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.Object)
                .Select(p => new ChangeView(p.Name, Text(p.Value, "from"), Text(p.Value, "to")))];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? Text(JsonElement change, string side)
    {
        if (!change.TryGetProperty(side, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())),
            _ => value.GetRawText(),
        };
    }

    private sealed record FromTo(object? From, object? To);
}
