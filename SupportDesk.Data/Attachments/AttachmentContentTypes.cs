using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace SupportDesk.Data.Attachments;

/// <summary>
/// Decides the stored MIME type from the file's first bytes, never from the claim alone: a known
/// format whose claim agrees keeps its type; everything else (SVG, HTML, a mismatch, the unknown) is
/// stored as <see cref="Download"/>, which browsers only ever save.
/// </summary>
public static class AttachmentContentTypes
{
    public const string Download = "application/octet-stream";

    private static readonly string[] ZipBased =
    [
        "application/zip",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.oasis.opendocument.text",
        "application/vnd.oasis.opendocument.spreadsheet",
        "application/vnd.oasis.opendocument.presentation",
    ];

    private static readonly string[] PlainText = ["text/plain", "text/csv"];

    public static string Decide(ReadOnlySpan<byte> head, string? claimed)
    {
        var claim = Normalize(claimed);
        return Sniff(head) switch
        {
            "application/zip" => ZipBased.Contains(claim) ? claim : Download,
            "text/plain" => PlainText.Contains(claim) ? claim : Download,
            { } sniffed when sniffed == claim => sniffed,
            _ => Download,
        };
    }

    private static string? Sniff(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8) ? "image/gif"
        : head.StartsWith("%PDF-"u8) ? "application/pdf"
        : head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith("PK\u0005\u0006"u8) ? "application/zip"
        : IsPlainText(head) ? "text/plain"
        : null;

    /// <summary>UTF-8 without control characters that does not open with markup (so no HTML, SVG or XML).</summary>
    private static bool IsPlainText(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
        {
            return false;
        }

        var chars = new char[head.Length];
        var status = Utf8.ToUtf16(head, chars, out _, out var written, replaceInvalidSequences: false, isFinalBlock: false);
        if (status is not (OperationStatus.Done or OperationStatus.NeedMoreData))
        {
            return false;
        }

        var text = chars.AsSpan(0, written);
        if (text.ContainsAny(Controls))
        {
            return false;
        }

        var start = text.TrimStart('\uFEFF').TrimStart();
        return start.IsEmpty || start[0] != '<';
    }

    private static readonly SearchValues<char> Controls = SearchValues.Create(
        Enumerable.Range(0, 32).Where(c => c is not ('\t' or '\n' or '\r' or '\f')).Select(c => (char)c).Append('\x7F').ToArray());

    private static string Normalize(string? claimed)
    {
        var type = (claimed ?? "").Split(';')[0].Trim().ToLowerInvariant();
        return type switch
        {
            "image/jpg" or "image/pjpeg" => "image/jpeg",
            "application/x-zip-compressed" => "application/zip",
            _ => type,
        };
    }
}
