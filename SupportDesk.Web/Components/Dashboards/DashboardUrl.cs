using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using SupportDesk.Data.Dashboards;

namespace SupportDesk.Web.Components.Dashboards;

/// <summary>
/// The dashboard's choices as they live in the address, shared by the page and the CSV export so both read the
/// same figures. <see cref="Days"/> is 7, 30 or 90 for "the last N days", or null for the custom range
/// <see cref="From"/>–<see cref="To"/>. Values that do not parse fall back to the last 30 days.
/// </summary>
public sealed record DashboardUrl(int? Days, DateOnly? From, DateOnly? To, string? AgentId, string? Category, string? Tag)
{
    public const string Path = "/dashboard";
    public static readonly IReadOnlyList<int> Periods = [7, 30, 90];

    public static DashboardUrl Default { get; } = new(30, null, null, null, null, null);

    public static DashboardUrl Parse(IReadOnlyDictionary<string, StringValues> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? One(string key) => query.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString().Trim() : null;
        DateOnly? Day(string key) => DateOnly.TryParseExact(One(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

        var (from, to) = (Day("from"), Day("to"));
        var days = int.TryParse(One("period"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && Periods.Contains(n) ? n : (int?)null;
        return new DashboardUrl(days ?? (from is null || to is null ? 30 : null), days is null ? from : null, days is null ? to : null, One("agent"), One("category"), One("tag"));
    }

    /// <summary>The filter for a viewer in <paramref name="zone"/> at <paramref name="nowUtc"/>.</summary>
    public DashboardFilter ToFilter(DateTime nowUtc, TimeZoneInfo zone)
    {
        var period = Days is { } days || From is null || To is null
            ? DashboardFilter.LastDays(Days ?? 30, nowUtc, zone)
            : new DashboardFilter(From.Value, To.Value, zone);
        return period with { AgentId = AgentId, Category = Category, Tag = Tag };
    }

    public string ToUri() => ToUri(Path);

    /// <summary>The same choices under another path (the CSV export of a table).</summary>
    public string ToUri(string path)
    {
        var query = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add(new(key, value));
            }
        }

        Add("period", Days?.ToString(CultureInfo.InvariantCulture));
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("agent", AgentId);
        Add("category", Category);
        Add("tag", Tag);
        return QueryHelpers.AddQueryString(path, query);
    }

    public string ExportUri(DashboardTable table) => ToUri($"{Path}/export/{table.ToString().ToLowerInvariant()}.csv");
}
