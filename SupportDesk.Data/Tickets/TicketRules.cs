using System.Text.Json;
using SupportDesk.Data.Infrastructure;

namespace SupportDesk.Data.Tickets;

/// <summary>Field rules for ticket input, shared by creation and editing.</summary>
public static class TicketRules
{
    public const int TitleMinLength = 5;
    public const int DescriptionMinLength = 10;

    /// <summary>A long description is a few pages; more is a paste gone wrong, or someone filling the database.</summary>
    public const int DescriptionMaxLength = 20_000;

    /// <summary>The custom fields of one ticket, as JSON text.</summary>
    public const int CustomFieldsMaxLength = 10_000;

    private const string CustomFieldsField = "customFields";

    public static void CheckTitle(string? title, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var length = title?.Trim().Length ?? 0;
        if (length is < TitleMinLength or > Ticket.TitleMaxLength)
        {
            errors.Add(new FieldError("title", $"Title must be between {TitleMinLength} and {Ticket.TitleMaxLength} characters."));
        }

        TextRules.Check(errors, "title", "The title", title?.Trim());
    }

    public static void CheckDescription(string? description, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var length = description?.Trim().Length ?? 0;
        if (length < DescriptionMinLength)
        {
            errors.Add(new FieldError("description", $"Description must be at least {DescriptionMinLength} characters."));
        }
        else if (length > DescriptionMaxLength)
        {
            errors.Add(new FieldError("description", FormattableString.Invariant($"Description must be at most {DescriptionMaxLength:N0} characters.")));
        }

        TextRules.Check(errors, "description", "The description", description?.Trim(), multiline: true);
    }

    public static void CheckPriority(TicketPriority priority, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!Enum.IsDefined(priority))
        {
            errors.Add(new FieldError("priority", "Priority must be Low, Medium, High or Urgent."));
        }
    }

    public static void CheckCategory(string? category, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if ((category?.Trim().Length ?? 0) > Ticket.CategoryMaxLength)
        {
            errors.Add(new FieldError("category", $"Category must be at most {Ticket.CategoryMaxLength} characters."));
        }

        TextRules.Check(errors, "category", "The category", category?.Trim());
    }

    /// <summary>Returns the canonical JSON text of a custom-fields object, or null (with an error) when it is not one.</summary>
    public static string? NormalizeCustomFields(string? json, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(json))
        {
            return "{}";
        }

        if (json.Length > CustomFieldsMaxLength)
        {
            errors.Add(new FieldError(CustomFieldsField, FormattableString.Invariant($"Custom fields must be at most {CustomFieldsMaxLength:N0} characters of JSON.")));
            return null;
        }

        // The raw text first (a lone surrogate cannot even be parsed), then every name and text inside, where escapes
        // such as \u0000 hide.
        if (TextRules.Check(CustomFieldsField, "The custom-fields text", json, multiline: true) is { } raw)
        {
            errors.Add(raw);
            return null;
        }

        FieldError? problem = null;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                problem = CheckTexts(document.RootElement);
                if (problem is null)
                {
                    return document.RootElement.GetRawText();
                }
            }
        }
        catch (JsonException)
        {
            // Reported below, the same as valid JSON that is not an object.
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate (\ud800) parses but cannot be read as text.
            problem = TextRules.BrokenCharacter(CustomFieldsField, "The custom-fields text");
        }

        errors.Add(problem ?? new FieldError(CustomFieldsField, "Custom fields must be a JSON object, e.g. {\"order\": \"A-1001\"}."));
        return null;
    }

    /// <summary>One custom field as the bulk editor sets it: a one-line name and a text value (null removes the field).</summary>
    public static FieldError? CheckCustomField(string name, string? value) =>
        TextRules.Check(CustomFieldsField, "A custom field name", name) ?? TextRules.Check(CustomFieldsField, "A custom field value", value, multiline: true);

    /// <summary>Every name and text in a parsed custom-fields value, nested ones included.</summary>
    private static FieldError? CheckTexts(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject()
            .Select(p => TextRules.Check(CustomFieldsField, "A custom field name", p.Name) ?? CheckTexts(p.Value))
            .FirstOrDefault(e => e is not null),
        JsonValueKind.Array => element.EnumerateArray().Select(CheckTexts).FirstOrDefault(e => e is not null),
        JsonValueKind.String => TextRules.Check(CustomFieldsField, "A custom field value", element.GetString(), multiline: true),
        _ => null,
    };

    /// <summary>Trims empty text to null.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
