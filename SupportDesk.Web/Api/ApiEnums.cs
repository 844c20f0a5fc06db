using SupportDesk.Data.Infrastructure;

namespace SupportDesk.Web.Api;

/// <summary>Reads enum values sent as text, refusing anything else with a message that lists the names.</summary>
internal static class ApiEnums
{
    /// <summary>The value named by <paramref name="text"/> (any case), or null with an error for <paramref name="field"/>.</summary>
    public static T? Parse<T>(string? text, string field, string noun, List<FieldError> errors)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(errors);
        // Names only: Enum.TryParse would also take numbers and comma-joined flags.
        if (Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)) is { } name)
        {
            return Enum.Parse<T>(name);
        }

        var names = string.Join(", ", Enum.GetNames<T>());
        errors.Add(new FieldError(field, string.IsNullOrWhiteSpace(text)
            ? $"{char.ToUpperInvariant(noun[0])}{noun[1..]} is required; use {names}."
            : $"Unknown {noun} '{text}'; use {names}."));
        return null;
    }

    /// <summary>Every value named in <paramref name="texts"/>; each unknown name adds an error.</summary>
    public static List<T> ParseAll<T>(IEnumerable<string>? texts, string field, string noun, List<FieldError> errors)
        where T : struct, Enum =>
        [.. (texts ?? []).Select(text => Parse<T>(text, field, noun, errors)).OfType<T>()];
}
