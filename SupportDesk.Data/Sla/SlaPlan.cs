namespace SupportDesk.Data.Sla;

/// <summary>A stored policy read for arithmetic: its calendar and targets, and a clock over them.</summary>
public sealed record SlaPlan(int PolicyId, string Name, bool IsDefault, string? Category, BusinessCalendar Calendar, SlaTargets Targets)
{
    private SlaClock? clock;

    public SlaClock Clock => clock ??= new SlaClock(Calendar, Targets);

    /// <summary>
    /// The row as a plan. Stored rows were validated on save; a row broken by hand in the database is refused here
    /// with the calendar's own messages rather than measured wrongly.
    /// </summary>
    public static SlaPlan From(SlaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var calendar = BusinessCalendarJson.Parse(policy.Calendar);
        if (calendar.Value is null)
        {
            throw new InvalidOperationException($"The stored calendar of SLA policy \"{policy.Name}\" is invalid: {calendar.Message}");
        }

        return new SlaPlan(policy.Id, policy.Name, policy.IsDefault, policy.Category, calendar.Value, TargetsOf(policy));
    }

    public static SlaTargets TargetsOf(SlaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new SlaTargets(
            Target(policy.LowFirstResponseMinutes, policy.LowResolutionMinutes),
            Target(policy.MediumFirstResponseMinutes, policy.MediumResolutionMinutes),
            Target(policy.HighFirstResponseMinutes, policy.HighResolutionMinutes),
            Target(policy.UrgentFirstResponseMinutes, policy.UrgentResolutionMinutes));
    }

    /// <summary>Writes calendar and targets onto a row; targets are stored in whole minutes.</summary>
    public static void Write(SlaPolicy policy, BusinessCalendar calendar, SlaTargets targets)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(targets);
        policy.Calendar = BusinessCalendarJson.Serialize(calendar);
        (policy.LowFirstResponseMinutes, policy.LowResolutionMinutes) = Minutes(targets.Low);
        (policy.MediumFirstResponseMinutes, policy.MediumResolutionMinutes) = Minutes(targets.Medium);
        (policy.HighFirstResponseMinutes, policy.HighResolutionMinutes) = Minutes(targets.High);
        (policy.UrgentFirstResponseMinutes, policy.UrgentResolutionMinutes) = Minutes(targets.Urgent);
    }

    private static SlaTarget Target(int firstResponse, int resolution) => new(TimeSpan.FromMinutes(firstResponse), TimeSpan.FromMinutes(resolution));

    private static (int, int) Minutes(SlaTarget target) => ((int)target.FirstResponse.TotalMinutes, (int)target.Resolution.TotalMinutes);
}
