using System.Globalization;

namespace SupportDesk.Web.Components.Dashboards;

/// <summary>How the dashboard writes its numbers; nothing measured shows as a dash.</summary>
public static class DashboardText
{
    public const string Nothing = "—";

    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Hours(double? hours) => hours is { } h ? string.Create(CultureInfo.InvariantCulture, $"{h:N1} h") : Nothing;

    public static string Percent(double? rate) => rate is { } r ? string.Create(CultureInfo.InvariantCulture, $"{r * 100:N1} %") : Nothing;
}
