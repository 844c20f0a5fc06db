using System.Globalization;

namespace SupportDesk.Data.Sla;

/// <summary>Durations as people write them in SLA messages: "4 h", "3 h 10 min", "45 min".</summary>
public static class SlaText
{
    public static string Duration(TimeSpan value)
    {
        var sign = value < TimeSpan.Zero ? "-" : "";
        value = value.Duration();
        var hours = (long)value.TotalHours;
        var minutes = value.Minutes;
        var text = (hours, minutes) switch
        {
            (0, _) => $"{minutes} min",
            (_, 0) => $"{hours} h",
            _ => $"{hours} h {minutes} min",
        };
        return sign + text;
    }

    /// <summary>A target in working time: "24 business hours", or "1 h 30 min of business time".</summary>
    public static string Target(TimeSpan value, bool aroundTheClock)
    {
        var wholeHours = value.Ticks % TimeSpan.TicksPerHour == 0;
        var hours = (long)value.TotalHours;
        var unit = hours == 1 ? "hour" : "hours";
        return (wholeHours, aroundTheClock) switch
        {
            (true, true) => string.Create(CultureInfo.InvariantCulture, $"{hours} {unit}"),
            (true, false) => string.Create(CultureInfo.InvariantCulture, $"{hours} business {unit}"),
            (false, true) => Duration(value),
            (false, false) => Duration(value) + " of business time",
        };
    }
}
