using SupportDesk.Data.Sla;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Benchmarks.Seeding;

/// <summary>
/// The SLA columns of a generated ticket under the seeded Standard policy (24/7, default targets), as the app
/// would have stored them: due times from creation, met flags once the response or resolution came, and the
/// earliest pending due time with its at-risk point for tickets still being worked.
/// </summary>
internal static class SeedSla
{
    /// <summary>Per 100: how many first responses and resolutions come within their targets.</summary>
    private const int FirstResponsesMet = 80;
    private const int ResolutionsMet = 85;

    public static SlaTarget Target(TicketPriority priority) => SlaTargets.Default.For(priority);

    /// <summary>A delay around <paramref name="target"/>: most well within it, the rest up to three times over.</summary>
    public static TimeSpan FirstResponseDelay(ref Rng rng, TicketPriority priority) => Delay(ref rng, Target(priority).FirstResponse, FirstResponsesMet);

    public static TimeSpan ResolutionDelay(ref Rng rng, TicketPriority priority) => Delay(ref rng, Target(priority).Resolution, ResolutionsMet);

    public static void Apply(TicketRow row, DateTime now)
    {
        var target = Target(row.Priority);
        var firstResponseDue = row.CreatedAt + target.FirstResponse;
        var resolutionDue = row.CreatedAt + target.Resolution;
        row.FirstResponseDueAt = firstResponseDue;

        // Waiting on the customer pauses the resolution clock; a target that ran out before the pause stays breached.
        row.ResolutionDueAt = row.Status == TicketStatus.WaitingOnCustomer && resolutionDue > now ? null : resolutionDue;
        row.FirstResponseSlaMet = row.FirstResponseAt is { } answered ? answered <= firstResponseDue : null;
        row.ResolutionSlaMet = row.ResolvedAt is { } resolved ? resolved <= resolutionDue : null;
        row.SlaDueAt = null;
        row.SlaAtRiskAt = null;
        if (row.Status >= TicketStatus.Resolved)
        {
            return;
        }

        if (row.FirstResponseAt is null)
        {
            Pending(row, firstResponseDue, target.FirstResponse);
        }

        if (row.ResolutionDueAt is { } due)
        {
            Pending(row, due, target.Resolution);
        }
    }

    private static void Pending(TicketRow row, DateTime due, TimeSpan target)
    {
        if (row.SlaDueAt is null || due < row.SlaDueAt)
        {
            row.SlaDueAt = due;
            row.SlaAtRiskAt = due - target / 4;
        }
    }

    private static TimeSpan Delay(ref Rng rng, TimeSpan target, int metPer100) =>
        target * (rng.Below(100) < metPer100 ? 0.1 + 0.85 * rng.Unit() : 1.05 + 2 * rng.Unit());
}
