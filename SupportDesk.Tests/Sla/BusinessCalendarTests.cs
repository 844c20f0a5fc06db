using SupportDesk.Data.Sla;
using static SupportDesk.Tests.Sla.SlaCalendars;

namespace SupportDesk.Tests.Sla;

/// <summary>Working-time arithmetic. Berlin is UTC+1 in winter and UTC+2 from 2026-03-29 to 2026-10-25.</summary>
public sealed class BusinessCalendarTests
{
    [Fact]
    public void A_night_shift_counts_across_midnight()
    {
        var nights = BusinessCalendar.Weekly("Europe/Berlin", [
            new WorkingHours(DayOfWeek.Monday, new TimeOnly(22, 0), new TimeOnly(0, 0)),
            new WorkingHours(DayOfWeek.Tuesday, new TimeOnly(0, 0), new TimeOnly(6, 0)),
        ]);

        // Mon 2026-01-05 23:30 Berlin + 3 h = Tue 02:30 Berlin.
        Assert.Equal(Utc(2026, 1, 6, 1, 30), nights.AddBusinessTime(Utc(2026, 1, 5, 22, 30), TimeSpan.FromHours(3)));
        // Mon 21:00 to Tue 07:00 Berlin holds the whole shift, 22:00–06:00.
        Assert.Equal(TimeSpan.FromHours(8), nights.BusinessTimeBetween(Utc(2026, 1, 5, 20, 0), Utc(2026, 1, 6, 6, 0)));
    }

    [Fact]
    public void Office_hours_continue_the_next_morning()
    {
        // Tue 2026-01-06 16:00 Berlin + 4 h = 1 h on Tuesday, 3 h on Wednesday: Wed 12:00 Berlin.
        Assert.Equal(Utc(2026, 1, 7, 11, 0), BerlinOffice().AddBusinessTime(Utc(2026, 1, 6, 15, 0), TimeSpan.FromHours(4)));
    }

    [Fact]
    public void Friday_evening_runs_on_into_monday()
    {
        var office = BerlinOffice();

        // Fri 2026-01-09 16:30 Berlin + 2 h = 30 min on Friday, then Mon 09:00–10:30.
        Assert.Equal(Utc(2026, 1, 12, 9, 30), office.AddBusinessTime(Utc(2026, 1, 9, 15, 30), TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromHours(2), office.BusinessTimeBetween(Utc(2026, 1, 9, 15, 30), Utc(2026, 1, 12, 9, 30)));
    }

    [Fact]
    public void A_duration_that_ends_at_closing_time_is_due_at_closing_time()
    {
        // Fri 2026-01-09 09:00 Berlin + 8 h = Fri 17:00, not the next opening on Monday.
        Assert.Equal(Utc(2026, 1, 9, 16, 0), BerlinOffice().AddBusinessTime(Utc(2026, 1, 9, 8, 0), TimeSpan.FromHours(8)));
    }

    [Fact]
    public void Holidays_are_skipped_as_whole_days()
    {
        var office = BerlinOffice();

        // Thu 2026-04-02 16:00 Berlin + 4 h: 1 h on Thursday; Good Friday, the weekend and Easter Monday off; Tue 09:00–12:00.
        Assert.Equal(Utc(2026, 4, 7, 10, 0), office.AddBusinessTime(Utc(2026, 4, 2, 14, 0), TimeSpan.FromHours(4)));
        Assert.Equal(TimeSpan.Zero, office.BusinessTimeBetween(Utc(2026, 4, 2, 22, 0), Utc(2026, 4, 6, 22, 0)));
    }

    [Theory]
    [InlineData("Europe/Berlin", "2026-03-28T23:00:00Z", "2026-03-29T06:00:00Z", 7, "2026-04-04T22:00:00Z")] // 00:00 CET to 08:00 CEST
    [InlineData("Europe/Berlin", "2026-10-24T22:00:00Z", "2026-10-25T07:00:00Z", 9, "2026-10-31T23:00:00Z")] // 00:00 CEST to 08:00 CET
    [InlineData("America/New_York", "2026-03-08T05:00:00Z", "2026-03-08T12:00:00Z", 7, "2026-03-15T04:00:00Z")] // 00:00 EST to 08:00 EDT
    [InlineData("America/New_York", "2026-11-01T04:00:00Z", "2026-11-01T13:00:00Z", 9, "2026-11-08T05:00:00Z")] // 00:00 EDT to 08:00 EST
    [InlineData("America/Santiago", "2026-09-06T04:00:00Z", "2026-09-06T11:00:00Z", 7, "2026-09-13T03:00:00Z")] // midnight itself is skipped: 01:00 -03 to 08:00 -03
    public void A_shift_containing_a_clock_change_lasts_as_long_as_the_clocks_ran(
        string shiftZone, string shiftStart, string shiftEnd, int realHours, string nextShiftStart)
    {
        var shift = SundayNightShift(shiftZone);
        var start = Parse(shiftStart);
        var end = Parse(shiftEnd);

        Assert.Equal(TimeSpan.FromHours(realHours), shift.BusinessTimeBetween(start.AddDays(-3), end.AddDays(3)));
        Assert.Equal(end, shift.AddBusinessTime(start.AddDays(-3), TimeSpan.FromHours(realHours)));
        // One minute more is the first minute of next Sunday's shift, at midnight on the other offset.
        Assert.Equal(Parse(nextShiftStart).AddMinutes(1), shift.AddBusinessTime(start, TimeSpan.FromHours(realHours) + TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Inside_the_change_night_time_runs_with_the_clocks()
    {
        var spring = SundayNightShift("Europe/Berlin");
        var autumn = SundayNightShift("America/New_York");

        // Berlin, 2026-03-29 from 00:00 CET (23:00 UTC): two hours later the clocks read 03:00 CEST.
        Assert.Equal(Utc(2026, 3, 29, 1, 0), spring.AddBusinessTime(Utc(2026, 3, 28, 23, 0), TimeSpan.FromHours(2)));
        // New York, 2026-11-01 from 00:00 EDT (04:00 UTC): three hours later the clocks read 02:00 EST.
        Assert.Equal(Utc(2026, 11, 1, 7, 0), autumn.AddBusinessTime(Utc(2026, 11, 1, 4, 0), TimeSpan.FromHours(3)));
    }

    [Fact]
    public void Working_hours_that_start_at_a_skipped_or_repeated_time_start_when_the_clock_first_shows_it()
    {
        var early = BusinessCalendar.Weekly("Europe/Berlin", [new WorkingHours(DayOfWeek.Sunday, new TimeOnly(2, 30), new TimeOnly(5, 0))]);

        // 2026-03-29: 02:30 never shows, so the shift starts at the jump (01:00 UTC) and runs to 05:00 CEST (03:00 UTC).
        Assert.Equal(TimeSpan.FromHours(2), early.BusinessTimeBetween(Utc(2026, 3, 28, 0, 0), Utc(2026, 3, 30, 0, 0)));
        // 2026-10-25: 02:30 shows twice; the shift starts at the first (00:30 UTC) and runs to 05:00 CET (04:00 UTC).
        Assert.Equal(TimeSpan.FromHours(3.5), early.BusinessTimeBetween(Utc(2026, 10, 24, 0, 0), Utc(2026, 10, 26, 0, 0)));
        Assert.Equal(Utc(2026, 3, 29, 1, 30), early.AddBusinessTime(Utc(2026, 3, 28, 0, 0), TimeSpan.FromMinutes(30)));
        Assert.Equal(Utc(2026, 10, 25, 1, 0), early.AddBusinessTime(Utc(2026, 10, 24, 0, 0), TimeSpan.FromMinutes(30)));
    }

    [Theory]
    [InlineData("Europe/Berlin", "2026-03-27T15:00:00Z", "2026-03-30T08:00:00Z")] // Fri 16:00 CET to Mon 10:00 CEST
    [InlineData("America/New_York", "2026-03-06T21:00:00Z", "2026-03-09T14:00:00Z")] // Fri 16:00 EST to Mon 10:00 EDT
    public void Office_hours_keep_their_wall_clock_times_across_a_clock_change_weekend(string zone, string start, string expected)
    {
        var office = Office(zone);
        var from = Parse(start);
        var due = Parse(expected);

        Assert.Equal(due, office.AddBusinessTime(from, TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromHours(2), office.BusinessTimeBetween(from, due));
    }

    [Fact]
    public void A_24_7_calendar_counts_every_real_hour_even_when_its_zone_changes_clocks()
    {
        var always = BusinessCalendar.TwentyFourSeven("Europe/Berlin");

        // Sat 2026-03-28 22:00 UTC + 5 h runs through the night Berlin loses an hour.
        Assert.Equal(Utc(2026, 3, 29, 3, 0), always.AddBusinessTime(Utc(2026, 3, 28, 22, 0), TimeSpan.FromHours(5)));
        Assert.Equal(TimeSpan.FromHours(50), always.BusinessTimeBetween(Utc(2026, 3, 28, 0, 0), Utc(2026, 3, 30, 2, 0)));
    }

    [Theory]
    [InlineData("2026-01-10T12:00:00Z", "2026-01-12T09:00:00Z")] // Saturday noon: Monday 10:00 Berlin
    [InlineData("2026-01-06T05:00:00Z", "2026-01-06T09:00:00Z")] // Tuesday 06:00 Berlin: Tuesday 10:00
    [InlineData("2026-01-06T19:00:00Z", "2026-01-07T09:00:00Z")] // Tuesday 20:00 Berlin: Wednesday 10:00
    public void A_start_outside_working_hours_waits_for_the_next_opening(string start, string expected)
    {
        var from = Parse(start);

        Assert.Equal(
            Parse(expected),
            BerlinOffice().AddBusinessTime(from, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void A_zero_duration_is_due_at_once_even_outside_working_hours()
    {
        var office = BerlinOffice();
        var saturday = Utc(2026, 1, 10, 12, 0);

        Assert.Equal(saturday, office.AddBusinessTime(saturday, TimeSpan.Zero));
        Assert.Equal(TimeSpan.Zero, office.BusinessTimeBetween(Utc(2026, 1, 6, 10, 0), Utc(2026, 1, 6, 10, 0)));
        Assert.Equal(TimeSpan.Zero, office.BusinessTimeBetween(Utc(2026, 1, 6, 12, 0), Utc(2026, 1, 6, 10, 0)));
    }

    [Fact]
    public void A_week_of_business_hours_skips_christmas_and_new_year()
    {
        var office = BerlinOffice(
            new Holiday(new DateOnly(2026, 12, 24)), new Holiday(new DateOnly(2026, 12, 25)),
            new Holiday(new DateOnly(2026, 12, 31)), new Holiday(new DateOnly(2027, 1, 1)));
        var start = Utc(2026, 12, 7, 8, 0); // Mon 09:00 CET

        // 21 working days: Dec 7–11, 14–18, 21–23, 28–30, then Jan 4–8 ends on Fri 2027-01-08 17:00 CET.
        Assert.Equal(Utc(2027, 1, 8, 16, 0), office.AddBusinessTime(start, TimeSpan.FromHours(168)));
        Assert.Equal(TimeSpan.FromHours(168), office.BusinessTimeBetween(start, Utc(2027, 1, 8, 16, 0)));
    }

    [Fact]
    public void Fifty_weeks_of_office_hours_run_through_both_clock_changes()
    {
        var office = Office("Europe/Berlin");
        var start = Utc(2026, 1, 5, 8, 0); // Mon 09:00 CET

        // 2000 h = 50 weeks of 40 h: the 50th week starts Mon 2026-12-14 and ends Fri 2026-12-18 17:00 CET.
        Assert.Equal(Utc(2026, 12, 18, 16, 0), office.AddBusinessTime(start, TimeSpan.FromHours(2000)));
        Assert.Equal(TimeSpan.FromHours(2000), office.BusinessTimeBetween(start, Utc(2026, 12, 18, 16, 0)));
        // Mid-year, in summer time: Mon 2026-07-06 09:00 CEST is 07:00 UTC, after 26 weeks.
        Assert.Equal(TimeSpan.FromHours(1040), office.BusinessTimeBetween(start, Utc(2026, 7, 6, 7, 0)));
    }

    [Fact]
    public void Instants_must_be_utc()
    {
        var local = new DateTime(2026, 1, 6, 10, 0, 0, DateTimeKind.Unspecified);

        Assert.Throws<ArgumentException>(() => BerlinOffice().AddBusinessTime(local, TimeSpan.FromHours(1)));
    }
}
