using System.Globalization;
using SupportDesk.Data.Sla;

namespace SupportDesk.Tests.Sla;

/// <summary>Calendars and instants the SLA tests share; expected times in the tests are written out by hand.</summary>
internal static class SlaCalendars
{
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>Mon–Fri 09:00–17:00 in Berlin; Good Friday (2026-04-03) and Easter Monday (2026-04-06) off.</summary>
    public static BusinessCalendar BerlinOffice(params Holiday[] extraHolidays) => Office(
        "Europe/Berlin",
        [new(new DateOnly(2026, 4, 3), "Good Friday"), new(new DateOnly(2026, 4, 6), "Easter Monday"), .. extraHolidays]);

    public static BusinessCalendar Office(string zone, IEnumerable<Holiday>? holidays = null) =>
        BusinessCalendar.Weekly(zone, Weekdays.Select(d => new WorkingHours(d, new TimeOnly(9, 0), new TimeOnly(17, 0))), holidays);

    /// <summary>Only Sunday 00:00–08:00 local: an on-call shift that contains the night the clocks change.</summary>
    public static BusinessCalendar SundayNightShift(string zone) =>
        BusinessCalendar.Weekly(zone, [new WorkingHours(DayOfWeek.Sunday, new TimeOnly(0, 0), new TimeOnly(8, 0))]);

    public static DateTime Utc(int year, int month, int day, int hour, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, DateTimeKind.Utc);

    /// <summary>An ISO instant such as "2026-03-29T01:00:00Z", as UTC.</summary>
    public static DateTime Parse(string isoUtc) =>
        DateTime.Parse(isoUtc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
