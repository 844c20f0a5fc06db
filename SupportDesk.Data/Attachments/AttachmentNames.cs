using System.Globalization;

namespace SupportDesk.Data.Attachments;

/// <summary>
/// Turns a name the browser (or an attacker) sent into one fit to show and to offer as a download
/// name. It only ever labels the file: storage keys are random and never derived from it.
/// </summary>
public static class AttachmentNames
{
    public const string Fallback = "attachment";
    private const int MaxExtensionLength = 16;

    public static string Clean(string? name)
    {
        // Only the last segment of a path-like name, whichever separator it uses.
        var last = (name ?? "").Split('/', '\\')[^1];
        var kept = new string(last.Where(c => !IsInvisible(c)).ToArray()).Trim().TrimEnd('.');
        if (kept.Length == 0 || kept.All(c => c == '.'))
        {
            return Fallback;
        }

        return kept.Length <= Attachment.FileNameMaxLength ? kept : Shorten(kept);
    }

    /// <summary>Control characters and invisible formatting (e.g. a right-to-left override that disguises "exe.pdf").</summary>
    private static bool IsInvisible(char c) =>
        char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>Cuts the stem, not the extension, and never between the halves of a surrogate pair.</summary>
    private static string Shorten(string name)
    {
        var extension = Path.GetExtension(name);
        if (extension.Length > MaxExtensionLength)
        {
            extension = "";
        }

        var stemLength = Attachment.FileNameMaxLength - extension.Length;
        if (char.IsHighSurrogate(name[stemLength - 1]))
        {
            stemLength--;
        }

        return name[..stemLength] + extension;
    }
}
