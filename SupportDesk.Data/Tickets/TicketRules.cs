using System.Text.Json;
using SupportDesk.Data.Infrastructure;

namespace SupportDesk.Data.Tickets;

/// <summary>Field rules for ticket input, shared by creation and editing.</summary>
public static class TicketRules
{
    public const int TitleMinLength = 5;
    public const int DescriptionMinLength = 10;

    public static void CheckTitle(string? title, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var length = title?.Trim().Length ?? 0;
        if (length is < TitleMinLength or > Ticket.TitleMaxLength)
        {
            errors.Add(new FieldError("title", $"Title must be between {TitleMinLength} and {Ticket.TitleMaxLength} characters."));
        }
    }

    public static void CheckDescription(string? description, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if ((description?.Trim().Length ?? 0) < DescriptionMinLength)
        {
            errors.Add(new FieldError("description", $"Description must be at least {DescriptionMinLength} characters."));
        }
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
    }

    /// <summary>Returns the canonical JSON text of a custom-fields object, or null (with an error) when it is not one.</summary>
    public static string? NormalizeCustomFields(string? json, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(json))
        {
            return "{}";
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document.RootElement.GetRawText();
            }
        }
        catch (JsonException)
        {
            // Reported below, the same as valid JSON that is not an object.
        }

        errors.Add(new FieldError("customFields", "Custom fields must be a JSON object, e.g. {\"order\": \"A-1001\"}."));
        return null;
    }

    /// <summary>Trims empty text to null.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
