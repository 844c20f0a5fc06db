using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Sla;

/// <summary>
/// The targets of one SLA policy per priority, in working time of the policy's calendar.
/// </summary>
public sealed record SlaTargets(SlaTarget Low, SlaTarget Medium, SlaTarget High, SlaTarget Urgent)
{
    /// <summary>The longest target an admin may set; longer ones are almost always a typo in the unit.</summary>
    public static readonly TimeSpan MaxTarget = TimeSpan.FromDays(365);

    public static SlaTargets Default { get; } = new(
        Low: new(TimeSpan.FromHours(24), TimeSpan.FromHours(168)),
        Medium: new(TimeSpan.FromHours(8), TimeSpan.FromHours(72)),
        High: new(TimeSpan.FromHours(4), TimeSpan.FromHours(24)),
        Urgent: new(TimeSpan.FromHours(1), TimeSpan.FromHours(4)));

    public SlaTarget For(TicketPriority priority) => priority switch
    {
        TicketPriority.Low => Low,
        TicketPriority.Medium => Medium,
        TicketPriority.High => High,
        TicketPriority.Urgent => Urgent,
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "Unknown priority."),
    };

    /// <summary>Every problem with the targets, each tied to its field (e.g. <c>high.resolution</c>); empty when they are usable.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        foreach (var priority in Enum.GetValues<TicketPriority>())
        {
            var target = For(priority);
            if (target is null)
            {
                errors.Add(new FieldError(priority.ToString().ToLowerInvariant(), $"Set the {priority} targets."));
                continue;
            }

            var firstResponseOk = Check(priority, "firstResponse", "first response", target.FirstResponse, errors);
            var resolutionOk = Check(priority, "resolution", "resolution", target.Resolution, errors);
            if (firstResponseOk && resolutionOk && target.FirstResponse > target.Resolution)
            {
                errors.Add(new FieldError(
                    Field(priority, "firstResponse"),
                    $"The {priority} first response target ({SlaText.Duration(target.FirstResponse)}) must not be longer than its resolution target ({SlaText.Duration(target.Resolution)})."));
            }
        }

        return errors;
    }

    private static bool Check(TicketPriority priority, string field, string label, TimeSpan value, List<FieldError> errors)
    {
        var problem = value <= TimeSpan.Zero ? "must be longer than zero"
            : value > MaxTarget ? $"must be at most {MaxTarget.TotalDays:0} days"
            : null;
        if (problem is not null)
        {
            errors.Add(new FieldError(Field(priority, field), $"The {priority} {label} target {problem}."));
        }

        return problem is null;
    }

    private static string Field(TicketPriority priority, string field) => $"{priority.ToString().ToLowerInvariant()}.{field}";
}
