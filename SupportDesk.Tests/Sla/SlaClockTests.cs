using SupportDesk.Data.Sla;
using SupportDesk.Data.Tickets;
using static SupportDesk.Tests.Sla.SlaCalendars;

namespace SupportDesk.Tests.Sla;

/// <summary>
/// The default targets (High: first response 4 h, resolution 24 h) on Berlin office hours, Mon–Fri 09:00–17:00
/// with Good Friday and Easter Monday 2026 off. Berlin is UTC+1 until 2026-03-29, UTC+2 after.
/// </summary>
public sealed class SlaClockTests
{
    private static readonly SlaClock Office = new(BerlinOffice(), SlaTargets.Default);

    /// <summary>Friday 2026-03-27 16:00 Berlin, the weekend before the clocks change.</summary>
    private static readonly DateTime FridayAfternoon = Utc(2026, 3, 27, 15, 0);

    /// <summary>Monday 2026-01-12 09:00 Berlin, an ordinary winter week.</summary>
    private static readonly DateTime MondayMorning = Utc(2026, 1, 12, 8, 0);

    private static SlaTicket Ticket(
        DateTime createdAt, TicketPriority priority, SlaPause[]? pauses = null, PriorityChange[]? changes = null,
        DateTime? firstResponseAt = null, DateTime? resolvedAt = null) =>
        new(createdAt, priority, changes ?? [], pauses ?? [], firstResponseAt, resolvedAt);

    [Fact]
    public void Due_times_skip_the_weekend_and_keep_office_hours_after_the_clock_change()
    {
        var status = Office.Evaluate(Ticket(FridayAfternoon, TicketPriority.High), Utc(2026, 3, 30, 8, 0));

        // First response: Fri 16:00–17:00, Mon 09:00–12:00 CEST. Resolution: Fri 1 h, Mon 8, Tue 8, Wed 09:00–16:00 CEST.
        Assert.Equal(Utc(2026, 3, 30, 10, 0), status.FirstResponse.Due);
        Assert.Equal(Utc(2026, 4, 1, 14, 0), status.Resolution.Due);
        Assert.Equal((SlaState.Running, TimeSpan.FromHours(22)), (status.Resolution.State, status.Resolution.Remaining));
        Assert.Equal(
            "First response target 4 business hours (High) from 2026-03-27 16:00 Europe/Berlin; skips the weekend; due 2026-03-30 12:00.",
            status.FirstResponse.Explanation);
        Assert.Equal(
            "Resolution target 24 business hours (High) from 2026-03-27 16:00 Europe/Berlin; skips the weekend; due 2026-04-01 16:00.",
            status.Resolution.Explanation);
    }

    [Fact]
    public void Waiting_on_the_customer_stops_the_resolution_clock_and_resuming_moves_the_due_time()
    {
        // Waiting from Mon 2026-03-30 11:00 to Wed 2026-04-01 14:00 Berlin, after 3 h were used (Fri 1 h, Mon 2 h).
        var waitingFrom = Utc(2026, 3, 30, 9, 0);
        var resumedAt = Utc(2026, 4, 1, 12, 0);
        var answered = Utc(2026, 3, 30, 8, 30);

        var waiting = Office.Evaluate(
            Ticket(FridayAfternoon, TicketPriority.High, [new SlaPause(waitingFrom, null)], firstResponseAt: answered), Utc(2026, 4, 1, 10, 0));
        var resumed = Office.Evaluate(
            Ticket(FridayAfternoon, TicketPriority.High, [new SlaPause(waitingFrom, resumedAt)], firstResponseAt: answered), Utc(2026, 4, 2, 8, 0));

        Assert.Equal((SlaState.Paused, null, TimeSpan.FromHours(21)), (waiting.Resolution.State, waiting.Resolution.Due, waiting.Resolution.Remaining));
        Assert.Equal(
            "Resolution target 24 business hours (High) from 2026-03-27 16:00 Europe/Berlin; paused since 2026-03-30 11:00 while waiting on the customer, 21 h of working time left; skips the weekend.",
            waiting.Resolution.Explanation);
        Assert.Equal(SlaState.Met, waiting.FirstResponse.State);
        Assert.Equal(
            "First response target 4 business hours (High) from 2026-03-27 16:00 Europe/Berlin; skips the weekend; due 2026-03-30 12:00; met 2026-03-30 10:30.",
            waiting.FirstResponse.Explanation);

        // 21 h left from Wed 14:00: Wed 3 h, Thu 8 h, Good Friday, weekend, Easter Monday, Tue 8 h, Wed 09:00–11:00 CEST.
        Assert.Equal(Utc(2026, 4, 8, 9, 0), resumed.Resolution.Due);
        Assert.Equal((SlaState.Running, TimeSpan.FromHours(17)), (resumed.Resolution.State, resumed.Resolution.Remaining));
        Assert.Equal(
            "Resolution target 24 business hours (High) from 2026-03-27 16:00 Europe/Berlin; paused 19 h of working time while waiting on the customer; skips 2 weekends, Good Friday and Easter Monday; due 2026-04-08 11:00.",
            resumed.Resolution.Explanation);
        Assert.Equal(Utc(2026, 3, 30, 10, 0), resumed.FirstResponse.Due);
    }

    [Fact]
    public void A_pause_over_the_weekend_only_moves_the_due_time_by_its_working_hours()
    {
        // Created Fri 2026-01-09 10:00 Berlin; waiting from Fri 15:00 to Mon 11:00: 2 h on Friday and 2 h on Monday.
        var ticket = Ticket(Utc(2026, 1, 9, 9, 0), TicketPriority.High, [new SlaPause(Utc(2026, 1, 9, 14, 0), Utc(2026, 1, 12, 10, 0))]);

        var onSaturday = Office.Evaluate(ticket with { Pauses = [new SlaPause(Utc(2026, 1, 9, 14, 0), null)] }, Utc(2026, 1, 10, 12, 0));
        var resumed = Office.Evaluate(ticket, Utc(2026, 1, 12, 12, 0));

        Assert.Equal((SlaState.Paused, TimeSpan.FromHours(19)), (onSaturday.Resolution.State, onSaturday.Resolution.Remaining));
        // Without the pause Wed 10:00; with 4 working hours paused Wed 2026-01-14 14:00 Berlin.
        Assert.Equal(Utc(2026, 1, 14, 13, 0), resumed.Resolution.Due);
        Assert.Equal(
            "Resolution target 24 business hours (High) from 2026-01-09 10:00 Europe/Berlin; paused 4 h of working time while waiting on the customer; skips the weekend; due 2026-01-14 14:00.",
            resumed.Resolution.Explanation);
    }

    [Fact]
    public void Overlapping_waits_count_once_and_a_wait_that_ends_before_it_starts_is_refused()
    {
        // Waits 10:00–12:00 and 11:00–13:00 Berlin on Mon 2026-01-12 pause 3 h: Wed 17:00 becomes Thu 2026-01-15 12:00.
        var ticket = Ticket(MondayMorning, TicketPriority.High, [
            new SlaPause(Utc(2026, 1, 12, 9, 0), Utc(2026, 1, 12, 11, 0)),
            new SlaPause(Utc(2026, 1, 12, 10, 0), Utc(2026, 1, 12, 12, 0)),
        ]);

        Assert.Equal(Utc(2026, 1, 15, 11, 0), Office.Evaluate(ticket, Utc(2026, 1, 12, 13, 0)).Resolution.Due);
        Assert.Throws<ArgumentException>(() => Office.Evaluate(
            ticket with { Pauses = [new SlaPause(Utc(2026, 1, 12, 11, 0), Utc(2026, 1, 12, 10, 0))] }, Utc(2026, 1, 12, 13, 0)));
    }

    [Fact]
    public void Waiting_that_starts_after_the_due_time_does_not_undo_the_breach()
    {
        // Urgent (4 h) from Mon 09:00 is due 13:00 Berlin; the ticket waited 14:00–16:00.
        var ticket = Ticket(MondayMorning, TicketPriority.Urgent, [new SlaPause(Utc(2026, 1, 12, 13, 0), Utc(2026, 1, 12, 15, 0))]);

        var whileWaiting = Office.Evaluate(ticket, Utc(2026, 1, 12, 14, 0));
        var after = Office.Evaluate(ticket, Utc(2026, 1, 12, 15, 30));

        Assert.Equal((SlaState.Breached, Utc(2026, 1, 12, 12, 0)), (whileWaiting.Resolution.State, whileWaiting.Resolution.Due));
        Assert.Equal((SlaState.Breached, Utc(2026, 1, 12, 12, 0), Utc(2026, 1, 12, 12, 0)), (after.Resolution.State, after.Resolution.Due, after.Resolution.BreachedAt));
        // 09:00–14:00 and 16:00–16:30 count: 5.5 h against 4 h.
        Assert.Equal(TimeSpan.FromHours(-1.5), after.Resolution.Remaining);
    }

    [Fact]
    public void A_raised_priority_counts_its_target_from_creation_with_the_time_already_used()
    {
        // Low at Mon 09:00 Berlin, High from 11:00: 24 h from creation is Wed 2026-01-14 17:00.
        var ticket = Ticket(MondayMorning, TicketPriority.Low, changes: [new PriorityChange(Utc(2026, 1, 12, 10, 0), TicketPriority.High)]);

        var status = Office.Evaluate(ticket, Utc(2026, 1, 12, 11, 0));

        Assert.Equal(
            (TicketPriority.High, Utc(2026, 1, 14, 16, 0), TimeSpan.FromHours(21), SlaState.Running),
            (status.Resolution.Priority, status.Resolution.Due, status.Resolution.Remaining, status.Resolution.State));
        Assert.Equal(Utc(2026, 1, 12, 12, 0), status.FirstResponse.Due);
        Assert.Equal(
            "Resolution target 24 business hours (High since 2026-01-12 11:00, counted from creation with the time already used) from 2026-01-12 09:00 Europe/Berlin; due 2026-01-14 17:00.",
            status.Resolution.Explanation);
    }

    [Fact]
    public void Raising_the_priority_after_its_target_is_used_up_breaches_at_the_change()
    {
        // Low at Mon 09:00 Berlin, Urgent (4 h) from 14:00: 5 h were already used.
        var ticket = Ticket(MondayMorning, TicketPriority.Low, changes: [new PriorityChange(Utc(2026, 1, 12, 13, 0), TicketPriority.Urgent)]);

        var status = Office.Evaluate(ticket, Utc(2026, 1, 12, 13, 30));

        Assert.Equal(
            (SlaState.Breached, Utc(2026, 1, 12, 12, 0), Utc(2026, 1, 12, 13, 0)),
            (status.Resolution.State, status.Resolution.Due, status.Resolution.BreachedAt));
        Assert.Equal(
            "Resolution target 4 business hours (Urgent since 2026-01-12 14:00, counted from creation with the time already used) from 2026-01-12 09:00 Europe/Berlin; due 2026-01-12 13:00; breached 2026-01-12 14:00.",
            status.Resolution.Explanation);
    }

    [Fact]
    public void Lowering_the_priority_after_a_breach_keeps_the_breach()
    {
        // Urgent at Mon 09:00 Berlin, due 13:00; lowered to Low at 14:00, whose 168 h would run to Mon 2026-02-09 17:00.
        var ticket = Ticket(MondayMorning, TicketPriority.Urgent, changes: [new PriorityChange(Utc(2026, 1, 12, 13, 0), TicketPriority.Low)]);

        var status = Office.Evaluate(ticket, Utc(2026, 1, 13, 9, 0));

        Assert.Equal(
            (SlaState.Breached, TicketPriority.Low, Utc(2026, 2, 9, 16, 0), Utc(2026, 1, 12, 12, 0)),
            (status.Resolution.State, status.Resolution.Priority, status.Resolution.Due, status.Resolution.BreachedAt));
    }

    [Theory]
    [InlineData(17 * 60 + 59, SlaState.Running)]
    [InlineData(18 * 60, SlaState.Running)] // exactly 6 h of 24 h left: not yet less than 25 %
    [InlineData(18 * 60 + 1, SlaState.AtRisk)]
    [InlineData(24 * 60, SlaState.AtRisk)] // due now, nothing left
    [InlineData(24 * 60 + 1, SlaState.Breached)]
    public void At_risk_means_less_than_a_quarter_of_the_target_left(int minutesElapsed, SlaState expected)
    {
        var clock = new SlaClock(BusinessCalendar.TwentyFourSeven(), SlaTargets.Default);
        var created = Utc(2026, 1, 12, 0, 0);

        var status = clock.Evaluate(Ticket(created, TicketPriority.High), created.AddMinutes(minutesElapsed));

        Assert.Equal(expected, status.Resolution.State);
    }

    [Fact]
    public void At_risk_is_measured_in_working_time_and_a_pause_shows_as_paused()
    {
        var ticket = Ticket(MondayMorning, TicketPriority.High);

        // Tue 2026-01-13 23:00 Berlin: 16 h used, 8 h left. Wed 11:30: 18.5 h used, 5.5 h left.
        Assert.Equal(SlaState.Running, Office.Evaluate(ticket, Utc(2026, 1, 13, 22, 0)).Resolution.State);
        Assert.Equal(SlaState.AtRisk, Office.Evaluate(ticket, Utc(2026, 1, 14, 10, 30)).Resolution.State);
        Assert.Equal(
            SlaState.Paused,
            Office.Evaluate(ticket with { Pauses = [new SlaPause(Utc(2026, 1, 14, 10, 30), null)] }, Utc(2026, 1, 14, 11, 0)).Resolution.State);
    }

    [Fact]
    public void A_first_response_at_the_due_time_is_met_and_a_minute_later_is_breached()
    {
        // High from Mon 09:00 Berlin: first response due 13:00 (12:00 UTC).
        var onTime = Office.Evaluate(Ticket(MondayMorning, TicketPriority.High, firstResponseAt: Utc(2026, 1, 12, 12, 0)), Utc(2026, 1, 12, 15, 0));
        var late = Office.Evaluate(Ticket(MondayMorning, TicketPriority.High, firstResponseAt: Utc(2026, 1, 12, 12, 1)), Utc(2026, 1, 12, 15, 0));
        var solvedWithoutReply = Office.Evaluate(Ticket(MondayMorning, TicketPriority.High, resolvedAt: Utc(2026, 1, 12, 10, 0)), Utc(2026, 1, 12, 15, 0));

        Assert.Equal(SlaState.Met, onTime.FirstResponse.State);
        Assert.Equal((SlaState.Breached, Utc(2026, 1, 12, 12, 0)), (late.FirstResponse.State, late.FirstResponse.BreachedAt));
        Assert.Equal((SlaState.Met, SlaState.Met), (solvedWithoutReply.FirstResponse.State, solvedWithoutReply.Resolution.State));
    }

    [Fact]
    public void Around_the_clock_a_target_is_real_hours_even_across_a_clock_change()
    {
        var clock = new SlaClock(BusinessCalendar.TwentyFourSeven("Europe/Berlin"), SlaTargets.Default);

        var status = clock.Evaluate(Ticket(Utc(2026, 3, 28, 12, 0), TicketPriority.High), Utc(2026, 3, 28, 13, 0));

        Assert.Equal(Utc(2026, 3, 29, 12, 0), status.Resolution.Due);
        Assert.Equal(
            "Resolution target 24 hours (High, around the clock) from 2026-03-28 13:00 Europe/Berlin; due 2026-03-29 14:00.",
            status.Resolution.Explanation);
    }

    [Fact]
    public void A_clock_refuses_a_bad_calendar_or_bad_targets_with_their_messages()
    {
        var badCalendar = Assert.Throws<InvalidOperationException>(() => new SlaClock(BusinessCalendar.Weekly("Europe/Berlin", []), SlaTargets.Default));
        var badTargets = Assert.Throws<InvalidOperationException>(() => new SlaClock(
            BerlinOffice(), SlaTargets.Default with { Medium = new SlaTarget(TimeSpan.FromHours(8), TimeSpan.Zero) }));

        Assert.Equal(
            "The business calendar is invalid: The calendar has no working time at all; add working hours (e.g. Monday 09:00–17:00) or make it 24/7.",
            badCalendar.Message);
        Assert.Equal("The SLA targets are invalid: The Medium resolution target must be longer than zero.", badTargets.Message);
    }
}
