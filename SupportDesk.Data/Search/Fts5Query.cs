using System.Text;
using System.Text.RegularExpressions;

namespace SupportDesk.Data.Search;

/// <summary>
/// Turns the search box's web-style syntax (words, "quoted phrases", -word, or) into an FTS5 query for
/// SQLite, quoting every term so user text can never be read as FTS5 syntax. Words match as prefixes,
/// so partial words find something on the embedded engine too.
/// </summary>
public static partial class Fts5Query
{
    public const string StaffColumns = "{title description replies notes}";
    public const string PublicColumns = "{title description replies}";

    /// <summary>The FTS5 expression, or null when the text has no term to look for.</summary>
    public static string? From(string text, bool includeNotes)
    {
        ArgumentNullException.ThrowIfNull(text);
        var columns = includeNotes ? StaffColumns : PublicColumns;
        var wanted = new StringBuilder();
        var unwanted = new List<string>();
        var pendingOr = false;
        foreach (Match token in Tokens().Matches(text))
        {
            var negated = token.Groups["neg"].Success;
            var phrase = token.Groups["phrase"].Success;
            var value = phrase ? token.Groups["phrase"].Value : token.Groups["word"].Value;
            if (!phrase && !negated && value.Equals("or", StringComparison.OrdinalIgnoreCase))
            {
                pendingOr = wanted.Length > 0;
                continue;
            }

            var words = Words().Matches(value).Select(m => m.Value).ToList();
            if (words.Count == 0)
            {
                continue;
            }

            var term = $"{columns} : \"{string.Join(' ', words)}\"" + (phrase ? "" : " *");
            if (negated)
            {
                unwanted.Add(term);
                continue;
            }

            wanted.Append(wanted.Length == 0 ? "" : pendingOr ? " OR " : " AND ").Append(term);
            pendingOr = false;
        }

        if (wanted.Length == 0)
        {
            return null;
        }

        var query = unwanted.Count == 0 ? wanted.ToString() : $"({wanted})";
        return unwanted.Aggregate(query, (current, term) => $"{current} NOT {term}");
    }

    [GeneratedRegex("(?<neg>-)?(?:\"(?<phrase>[^\"]*)\"?|(?<word>[^\\s\"]+))")]
    private static partial Regex Tokens();

    /// <summary>What FTS5's unicode61 tokenizer would keep: letters and digits.</summary>
    [GeneratedRegex("[\\p{L}\\p{N}]+")]
    private static partial Regex Words();
}
