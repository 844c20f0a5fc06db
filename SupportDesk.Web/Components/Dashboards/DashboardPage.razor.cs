using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using SupportDesk.Data.Dashboards;
using SupportDesk.Data.Users;

namespace SupportDesk.Web.Components.Dashboards;

/// <summary>The morning dashboard: its choices live in the address, its figures come from <see cref="DashboardQueries"/>.</summary>
public sealed partial class DashboardPage
{
    private DashboardUrl? url;
    private DashboardReport? report;
    private DashboardLinks? links;
    private IReadOnlyList<StaffOption> staff = [];
    private string? error;

    [Inject]
    private DashboardQueries Dashboards { get; set; } = default!;

    [Inject]
    private StaffList StaffList { get; set; } = default!;

    /// <summary>The viewer's zone, cascaded by the layout; days are theirs.</summary>
    [CascadingParameter]
    private TimeZoneInfo? Zone { get; set; }

    protected override string Path => DashboardUrl.Path;

    protected override async Task LoadAsync()
    {
        url = DashboardUrl.Parse(QueryHelpers.ParseQuery(new Uri(Navigation.Uri).Query));
        if (staff.Count == 0)
        {
            staff = await StaffList.ActiveAsync(Actor!, Lifetime);
        }

        var filter = url.ToFilter(Clock.GetUtcNow().UtcDateTime, Zone ?? TimeZoneInfo.Utc);
        var result = await Dashboards.ReadAsync(Actor!, filter, Lifetime);
        (report, error) = (result.Value, result.Succeeded ? null : result.Message);
        links = new DashboardLinks(filter);
    }

    private void Navigate(DashboardUrl changed) => Navigation.NavigateTo(changed.ToUri());

    private static string Period(DashboardFilter filter) => string.Create(
        CultureInfo.InvariantCulture, $"{filter.FirstDay:yyyy-MM-dd} to {filter.LastDay:yyyy-MM-dd} ({filter.Zone.Id})");
}
