using System.Globalization;

namespace SupportDesk.Web.Components.Queue;

/// <summary>A capped count as people read it: "1,234", or "10,000+" once the count stopped at its cap.</summary>
public static class CappedCount
{
    public static string Text((int Count, bool Capped) count) =>
        count.Count.ToString("N0", CultureInfo.InvariantCulture) + (count.Capped ? "+" : "");
}
