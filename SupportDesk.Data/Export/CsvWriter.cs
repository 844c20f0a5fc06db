using System.Globalization;
using System.Text;

namespace SupportDesk.Data.Export;

/// <summary>
/// Writes RFC 4180 CSV row by row to a stream, so an export of any size never sits in memory.
/// </summary>
/// <remarks>
/// A cell that starts like a formula (<c>= + - @</c>, tab or carriage return) gets a leading apostrophe: users
/// typed these texts, and a spreadsheet would otherwise run them when the export is opened (CSV injection).
/// </remarks>
public sealed class CsvWriter(TextWriter output)
{
    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    /// <summary>UTF-8 with a byte-order mark, which spreadsheet programs need to read non-ASCII text right.</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public Task WriteRowAsync(params IReadOnlyList<string?> cells) => output.WriteAsync(Format(cells));

    /// <summary>One line of CSV, ending in CRLF.</summary>
    public static string Format(IReadOnlyList<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var line = new StringBuilder();
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            Append(line, cells[i] ?? "");
        }

        return line.Append("\r\n").ToString();
    }

    /// <summary>A number or instant as text that reads the same in every culture (ISO 8601 for times, UTC).</summary>
    public static string Invariant(IFormattable? value) => value switch
    {
        null => "",
        DateTime time => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        _ => value.ToString(null, CultureInfo.InvariantCulture),
    };

    private static void Append(StringBuilder line, string cell)
    {
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            cell = "'" + cell;
        }

        if (cell.IndexOfAny(NeedsQuotes) < 0)
        {
            line.Append(cell);
            return;
        }

        line.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
