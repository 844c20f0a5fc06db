using System.Globalization;

namespace SupportDesk.Data.Infrastructure;

/// <summary>
/// What typed text must be before it is stored: well-formed Unicode without control characters. PostgreSQL refuses a
/// NUL in text and jsonb, SQLite would store a lone surrogate as a replacement character (so the text would not come
/// back as sent), and control characters only serve to disguise or break what other people are shown. Such text is
/// refused with a message naming the field, never cleaned silently. Line breaks and tabs stay allowed in multi-line text.
/// </summary>
public static class TextRules
{
    /// <returns>Null when <paramref name="text"/> may be stored, otherwise an error for <paramref name="field"/> naming the problem.</returns>
    public static FieldError? Check(string field, string label, string? text, bool multiline = false)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(label);
        for (var i = 0; i < (text?.Length ?? 0); i++)
        {
            var c = text![i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return BrokenCharacter(field, label);
            }
            else if (char.IsControl(c) && !(multiline && c is '\t' or '\n' or '\r'))
            {
                return new FieldError(field, string.Create(
                    CultureInfo.InvariantCulture, $"{label} contains an invisible control character (U+{(int)c:X4}); remove it and try again."));
            }
        }

        return null;
    }

    /// <summary>As <see cref="Check(string, string, string?, bool)"/>, adding the error (if any) to <paramref name="errors"/>.</summary>
    public static void Check(List<FieldError> errors, string field, string label, string? text, bool multiline = false)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Check(field, label, text, multiline) is { } error)
        {
            errors.Add(error);
        }
    }

    /// <summary>Half of a character that takes two UTF-16 units (an emoji, say) cannot be stored, nor shown.</summary>
    public static FieldError BrokenCharacter(string field, string label) =>
        new(field, $"{label} contains a broken character (half of an emoji or symbol); type it again.");
}
