namespace SupportDesk.Data.Views;

/// <summary>The part of a queue address a view keeps: filters and sort, never the page it was saved on.</summary>
internal static class SavedViewQuery
{
    private static readonly string[] PagingKeys = ["after", "before"];

    /// <summary>
    /// The query string without a leading <c>?</c>, empty pairs or paging cursors. The other pairs are kept exactly
    /// as written, so the view opens the address its owner saw.
    /// </summary>
    public static string Normalize(string? query)
    {
        var pairs = (query ?? "").Trim().TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('&', pairs.Where(pair => !PagingKeys.Contains(Key(pair), StringComparer.OrdinalIgnoreCase)));
    }

    private static string Key(string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        return Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
    }
}
