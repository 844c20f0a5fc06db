using System.Globalization;

namespace SupportDesk.Web.Components.Common;

/// <summary>Stored times are UTC; people read them in the time zone they chose on their profile.</summary>
public static class UserTime
{
    public static string Format(DateTime utc, TimeZoneInfo? zone = null)
    {
        utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        if (zone is null || zone == TimeZoneInfo.Utc)
        {
            return utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        }

        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        var offset = zone.GetUtcOffset(utc);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            + (offset == TimeSpan.Zero ? " UTC" : string.Create(CultureInfo.InvariantCulture, $" UTC{sign}{offset:hh\\:mm}"));
    }

    /// <summary>The zone for a stored IANA id; UTC when there is none or the id is unknown on this machine.</summary>
    public static TimeZoneInfo ZoneFor(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
