namespace SupportDesk.Data.Sla;

/// <summary>The later or earlier of two instants or durations, for clipping intervals.</summary>
internal static class Instants
{
    public static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;

    public static DateTime Earlier(DateTime a, DateTime b) => a < b ? a : b;

    public static TimeSpan Longer(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
