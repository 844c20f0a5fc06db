using System.Globalization;

namespace SupportDesk.Web.Components.Common;

/// <summary>Times as stored (UTC) until each user's time zone is shown.</summary>
public static class UtcTime
{
    public static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
