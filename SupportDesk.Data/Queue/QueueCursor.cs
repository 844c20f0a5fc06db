using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace SupportDesk.Data.Queue;

/// <summary>An opaque page boundary: the sort key's value and the id of the row it was read from.</summary>
internal sealed record QueueCursor(string Key, long Id)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Id}|{Key}")));

    /// <summary>The cursor, or null when the text is not one of ours (a tampered URL then simply starts over).</summary>
    public static QueueCursor? Decode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text));
            var bar = decoded.IndexOf('|', StringComparison.Ordinal);
            return bar > 0 && long.TryParse(decoded.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? new QueueCursor(decoded[(bar + 1)..], id)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
