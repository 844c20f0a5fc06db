using SupportDesk.Data.Sla;
using static SupportDesk.Tests.Sla.SlaCalendars;

namespace SupportDesk.Tests.Sla;

public sealed class BusinessCalendarValidationTests
{
    private static readonly TimeOnly Nine = new(9, 0);
    private static readonly TimeOnly Five = new(17, 0);

    [Fact]
    public void An_unknown_time_zone_is_refused_by_name()
    {
        var calendar = Office("Europe/Berln");

        var error = Assert.Single(calendar.Validate());
        Assert.Equal("timeZoneId", error.Field);
        Assert.Equal("'Europe/Berln' is not a known time zone; use an IANA id such as Europe/Berlin or America/New_York.", error.Message);
    }

    [Fact]
    public void An_interval_that_ends_before_it_starts_is_refused()
    {
        var calendar = BusinessCalendar.Weekly("Europe/Berlin", [new WorkingHours(DayOfWeek.Monday, Five, Nine)]);

        Assert.Equal(
            ["Monday 17:00–09:00: the end must be after the start (00:00 as the end means midnight; split a shift past midnight into two days)."],
            calendar.Validate().Select(e => e.Message));
    }

    [Fact]
    public void Overlapping_intervals_on_a_day_are_refused_but_touching_ones_are_fine()
    {
        var overlapping = BusinessCalendar.Weekly("Europe/Berlin", [
            new WorkingHours(DayOfWeek.Tuesday, new TimeOnly(8, 0), new TimeOnly(12, 0)),
            new WorkingHours(DayOfWeek.Tuesday, new TimeOnly(11, 30), Five),
        ]);
        var touching = BusinessCalendar.Weekly("Europe/Berlin", [
            new WorkingHours(DayOfWeek.Tuesday, new TimeOnly(8, 0), new TimeOnly(12, 0)),
            new WorkingHours(DayOfWeek.Tuesday, new TimeOnly(12, 0), Five),
        ]);

        Assert.Equal(["Tuesday 08:00–12:00 overlaps Tuesday 11:30–17:00; working intervals on a day must not overlap."], overlapping.Validate().Select(e => e.Message));
        Assert.Empty(touching.Validate());
        Assert.Equal(TimeSpan.FromHours(9), touching.BusinessTimeBetween(Utc(2026, 1, 6, 0, 0), Utc(2026, 1, 7, 0, 0)));
    }

    [Fact]
    public void A_calendar_without_working_time_is_refused()
    {
        var empty = BusinessCalendar.Weekly("Europe/Berlin", []);

        var error = Assert.Single(empty.Validate());
        Assert.Equal("hours", error.Field);
        Assert.Equal("The calendar has no working time at all; add working hours (e.g. Monday 09:00–17:00) or make it 24/7.", error.Message);
    }

    [Fact]
    public void A_24_7_calendar_takes_no_working_hours()
    {
        var mixed = BusinessCalendar.TwentyFourSeven("Europe/Berlin") with { Hours = [new WorkingHours(DayOfWeek.Monday, Nine, Five)] };

        Assert.Equal(
            ["A 24/7 calendar counts every hour, so it takes no working hours or holidays; remove them or switch 24/7 off."],
            mixed.Validate().Select(e => e.Message));
        Assert.Empty(BusinessCalendar.TwentyFourSeven("America/New_York").Validate());
    }

    [Fact]
    public void An_invalid_calendar_refuses_arithmetic_with_its_messages()
    {
        var broken = Office("Mars/Olympus_Mons");

        var error = Assert.Throws<InvalidOperationException>(() => broken.AddBusinessTime(Utc(2026, 1, 6, 10, 0), TimeSpan.FromHours(1)));
        Assert.Equal(
            "The business calendar is invalid: 'Mars/Olympus_Mons' is not a known time zone; use an IANA id such as Europe/Berlin or America/New_York.",
            error.Message);
    }

    [Fact]
    public void A_calendar_survives_a_round_trip_through_json()
    {
        var calendar = BerlinOffice();

        var json = BusinessCalendarJson.Serialize(calendar);
        var parsed = BusinessCalendarJson.Parse(json);

        Assert.Contains("""{"day":"Monday","start":"09:00","end":"17:00"}""", json, StringComparison.Ordinal);
        Assert.Contains("""{"date":"2026-04-03","name":"Good Friday"}""", json, StringComparison.Ordinal);
        Assert.True(parsed.Succeeded);
        Assert.Equal(calendar.TimeZoneId, parsed.Value!.TimeZoneId);
        Assert.Equal(calendar.Hours, parsed.Value.Hours);
        Assert.Equal(calendar.Holidays, parsed.Value.Holidays);
    }

    [Theory]
    [InlineData("""{"timeZoneId":"Europe/Berlin","hours":[{"day":"Monday","start":"09:00","end":"17:00"}],"holidays":[{"date":"2026-12-25T09:00"}]}""")]
    [InlineData("""{"timeZoneId":"Europe/Berlin","hours":[{"day":"Monday","start":"09:00","end":"17:00"}],"holidays":["2026-12-25T09:00"]}""")]
    public void Holidays_must_be_given_as_dates(string json)
    {
        var result = BusinessCalendarJson.Parse(json);

        var error = Assert.Single(result.Errors);
        Assert.Equal("holidays", error.Field);
        Assert.Equal("Holiday \"2026-12-25T09:00\" is not a date: holidays are whole days in the calendar's time zone, written like 2026-12-25.", error.Message);
    }

    [Theory]
    [InlineData("""{"timeZoneId":"Europe/Berlin","hours":[{"day":"Monday","start":"9am","end":"17:00"}]}""", "The calendar is not valid at hours[0].start: write days like Monday, times like 09:00 and dates like 2026-12-25.")]
    [InlineData("""{"timeZoneId":"Europe/Berlin","hours":[{"day":"Mondy","start":"09:00","end":"17:00"}]}""", "The calendar is not valid at hours[0].day: write days like Monday, times like 09:00 and dates like 2026-12-25.")]
    [InlineData("""{"timeZoneId":"Europe/Berlin","hours":[]}""", "The calendar has no working time at all; add working hours (e.g. Monday 09:00–17:00) or make it 24/7.")]
    [InlineData("""{"aroundTheClock":true,"timeZoneId":"Asia/Tokio"}""", "'Asia/Tokio' is not a known time zone; use an IANA id such as Europe/Berlin or America/New_York.")]
    [InlineData("not json", "The calendar is not valid: write days like Monday, times like 09:00 and dates like 2026-12-25.")]
    public void Bad_calendar_json_is_refused_with_a_message_that_names_the_part(string json, string message)
    {
        Assert.Equal([message], BusinessCalendarJson.Parse(json).Errors.Select(e => e.Message));
    }
}
