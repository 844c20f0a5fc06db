using System.Text.Json;
using System.Text.Json.Nodes;

namespace SupportDesk.Web.Components.Tickets;

/// <summary>One custom field as the editor shows it: a name and its value as text.</summary>
public sealed class CustomFieldRow
{
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";

    /// <summary>A stored value that is not text (a number, true/false, a list), kept as it was unless its text is edited.</summary>
    public JsonElement? Original { get; init; }
}

/// <summary>Turns the custom-fields JSON object into editable rows and back.</summary>
public static class CustomFieldRows
{
    /// <summary>The rows of a stored object, in its order; null when the text is not a JSON object.</summary>
    public static List<CustomFieldRow>? Parse(string? json)
    {
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return document.RootElement.EnumerateObject()
                .Select(p => p.Value.ValueKind == JsonValueKind.String
                    ? new CustomFieldRow { Name = p.Name, Value = p.Value.GetString()! }
                    : new CustomFieldRow { Name = p.Name, Value = p.Value.GetRawText(), Original = p.Value.Clone() })
                .ToList();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The object the rows describe, or a message saying which row cannot become part of one. Empty rows are dropped.</summary>
    public static (string? Json, string? Problem) ToJson(IEnumerable<CustomFieldRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var result = new JsonObject();
        foreach (var row in rows)
        {
            var name = row.Name.Trim();
            if (name.Length == 0)
            {
                if (row.Value.Length == 0)
                {
                    continue;
                }

                return (null, $"Give the value \"{row.Value}\" a field name.");
            }

            if (result.ContainsKey(name))
            {
                return (null, $"The field name \"{name}\" is used twice.");
            }

            result[name] = row.Original is { } original && row.Value == original.GetRawText()
                ? JsonNode.Parse(original.GetRawText())
                : JsonValue.Create(row.Value);
        }

        return (result.ToJsonString(), null);
    }
}
