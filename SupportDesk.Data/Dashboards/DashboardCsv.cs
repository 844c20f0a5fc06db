using System.Globalization;
using SupportDesk.Data.Export;

namespace SupportDesk.Data.Dashboards;

/// <summary>The dashboard's tables, each exportable as CSV.</summary>
public enum DashboardTable
{
    Agents,
    Categories,
    Sla,
    Days,
    Backlog,
}

/// <summary>
/// Writes one table of a <see cref="DashboardReport"/> as CSV: hours with two decimals, rates as percentages with
/// one, and an empty cell where nothing was measured (the page shows "—").
/// </summary>
public static class DashboardCsv
{
    public static async Task WriteAsync(DashboardReport report, DashboardTable table, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new CsvWriter(output);
        foreach (var row in Rows(report, table))
        {
            await csv.WriteRowAsync(row);
        }

        await output.FlushAsync();
    }

    private static IEnumerable<string?[]> Rows(DashboardReport report, DashboardTable table) => table switch
    {
        DashboardTable.Agents => report.Agents.Select(a => new[]
            {
                a.Name, Count(a.Assigned), Count(a.Resolved), Count(a.Closed), Percent(a.ResolutionRate), Hours(a.AverageResolutionHours),
                Count(a.Comments), Count(a.SlaMet), Count(a.SlaMeasured), Percent(a.SlaRate),
            })
            .Prepend(["Agent", "Assigned", "Resolved", "Closed", "Resolution rate (%)", "Average resolution (hours)", "Comments", "SLA met", "SLA measured", "SLA compliance (%)"]),
        DashboardTable.Categories => report.Categories.Select(c => new[] { c.Category ?? "", Count(c.Created), Count(c.Resolved), Hours(c.AverageResolutionHours) })
            .Prepend(["Category", "Created", "Resolved", "Average resolution (hours)"]),
        DashboardTable.Sla => report.SlaByPriority.Select(s => new[] { s.Priority.ToString(), Hours(s.Target.TotalHours), Count(s.Met), Count(s.Measured), Percent(s.Rate) })
            .Prepend(["Priority", "Resolution target (hours)", "Met", "Measured", "Compliance (%)"]),
        DashboardTable.Days => report.Days.Select(d => new[]
            {
                d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Count(d.Created), Count(d.CreatedUrgent), Count(d.Resolved), Count(d.ResolvedUrgent),
            })
            .Prepend(["Day", "Created", "Created urgent", "Resolved", "Resolved urgent"]),
        DashboardTable.Backlog => report.BacklogByAge.Select(b => new[] { b.Age.ToString(), Count(b.Count) })
            .Prepend(["Age", "Open tickets"]),
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, "Unknown dashboard table."),
    };

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Hours(double? value) => value?.ToString("0.00", CultureInfo.InvariantCulture);

    private static string? Percent(double? rate) => (rate * 100)?.ToString("0.0", CultureInfo.InvariantCulture);
}
