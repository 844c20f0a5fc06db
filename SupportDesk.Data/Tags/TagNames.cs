using System.Text.RegularExpressions;
using SupportDesk.Data.Infrastructure;

namespace SupportDesk.Data.Tags;

/// <summary>How typed tag names become stored ones: trimmed, lower-case, blanks and repeats dropped.</summary>
public static partial class TagNames
{
    private static readonly string[] Palette =
        ["#1e88e5", "#43a047", "#e53935", "#8e24aa", "#fb8c00", "#00897b", "#6d4c41", "#3949ab"];

    public static string TooLong { get; } = $"Tag names must be at most {Tag.NameMaxLength} characters.";

    /// <summary>One typed name as it is stored and compared: trimmed and lower-case (empty when blank).</summary>
    public static string Clean(string? name) => name?.Trim().ToLowerInvariant() ?? "";

    /// <summary>Whether <paramref name="color"/> is <c>#rrggbb</c>, the only form pages and the database agree on.</summary>
    public static bool IsColor(string? color) => color is not null && ColorPattern().IsMatch(color);

    public static IReadOnlyList<string> Normalize(IEnumerable<string>? names, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var result = new List<string>();
        foreach (var name in names ?? [])
        {
            var clean = Clean(name);
            if (clean.Length == 0 || result.Contains(clean))
            {
                continue;
            }

            if (clean.Length > Tag.NameMaxLength)
            {
                errors.Add(new FieldError("tags", TooLong));
                continue;
            }

            if (CheckText("tags", clean) is { } unstorable)
            {
                errors.Add(unstorable);
                continue;
            }

            result.Add(clean);
        }

        return result;
    }

    /// <summary>Whether a cleaned name can be stored and shown as typed (see <see cref="TextRules"/>).</summary>
    public static FieldError? CheckText(string field, string clean) => TextRules.Check(field, "A tag name", clean);

    /// <summary>A stable colour for a tag created on first use, so the same name always looks the same.</summary>
    public static string ColorFor(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var hash = 0;
        foreach (var c in name)
        {
            hash = unchecked((hash * 31) + c);
        }

        return Palette[(hash & int.MaxValue) % Palette.Length];
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex ColorPattern();
}
