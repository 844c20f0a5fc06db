using SupportDesk.Data.Infrastructure;

namespace SupportDesk.Data.Tags;

/// <summary>How typed tag names become stored ones: trimmed, lower-case, blanks and repeats dropped.</summary>
public static class TagNames
{
    private static readonly string[] Palette =
        ["#1e88e5", "#43a047", "#e53935", "#8e24aa", "#fb8c00", "#00897b", "#6d4c41", "#3949ab"];

    public static IReadOnlyList<string> Normalize(IEnumerable<string>? names, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var result = new List<string>();
        foreach (var name in names ?? [])
        {
            var clean = name?.Trim().ToLowerInvariant();
            if (string.IsNullOrEmpty(clean) || result.Contains(clean))
            {
                continue;
            }

            if (clean.Length > Tag.NameMaxLength)
            {
                errors.Add(new FieldError("tags", $"Tag names must be at most {Tag.NameMaxLength} characters."));
                continue;
            }

            result.Add(clean);
        }

        return result;
    }

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
}
