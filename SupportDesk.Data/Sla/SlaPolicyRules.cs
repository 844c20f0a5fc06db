using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Sla;

/// <summary>What makes a policy storable, with a message an admin can act on beside each field.</summary>
internal static class SlaPolicyRules
{
    /// <summary>The input as it would be stored (name trimmed, blank category none), and what is wrong with it.</summary>
    public static SlaPolicy Check(SlaPolicyInput input, out List<FieldError> errors)
    {
        errors = [];
        var policy = new SlaPolicy { Name = input.Name?.Trim() ?? "", Category = TicketRules.Clean(input.Category) };
        if (policy.Name.Length == 0)
        {
            errors.Add(new FieldError("name", "Enter a name for the policy, e.g. Billing."));
        }
        else if (policy.Name.Length > SlaPolicy.NameMaxLength)
        {
            errors.Add(new FieldError("name", $"Policy names must be at most {SlaPolicy.NameMaxLength} characters."));
        }

        TextRules.Check(errors, "name", "The policy name", policy.Name);
        TicketRules.CheckCategory(policy.Category, errors);
        if (input.Calendar is null)
        {
            errors.Add(new FieldError("calendar", "Choose 24/7 or give working hours and a time zone."));
        }
        else
        {
            errors.AddRange(input.Calendar.Validate());
            CheckHolidayNames(input.Calendar, errors);
        }

        if (input.Targets is null)
        {
            errors.Add(new FieldError("targets", "Set the first response and resolution targets of every priority."));
        }
        else
        {
            errors.AddRange(input.Targets.Validate());
            errors.AddRange(Enum.GetValues<TicketPriority>()
                .SelectMany(p => new[] { ("firstResponse", input.Targets.For(p)?.FirstResponse), ("resolution", input.Targets.For(p)?.Resolution) }
                    .Where(t => t.Item2 is { } span && span.Ticks % TimeSpan.TicksPerMinute != 0)
                    .Select(t => new FieldError($"{p.ToString().ToLowerInvariant()}.{t.Item1}", $"The {p} targets are kept in whole minutes; round this one to a minute."))));
        }

        if (errors.Count == 0)
        {
            SlaPlan.Write(policy, input.Calendar!, input.Targets!);
        }

        return policy;
    }

    /// <summary>
    /// Holiday names are checked when a policy is saved, not in <see cref="BusinessCalendar.Validate"/>, which also
    /// runs on every stored calendar read: a name saved before this rule must not stop its policy measuring tickets.
    /// </summary>
    private static void CheckHolidayNames(BusinessCalendar calendar, List<FieldError> errors)
    {
        if (calendar.Holidays.OfType<Holiday>().Select(h => TextRules.Check("holidays", "A holiday name", h.Name)).FirstOrDefault(e => e is not null) is { } error)
        {
            errors.Add(error);
        }
    }

    /// <summary>The default policy covers what no category claims; every other policy exists for one category.</summary>
    public static FieldError? CategoryRule(bool isDefault, string? category) => (isDefault, category) switch
    {
        (true, not null) => new FieldError("category", "The default policy covers every ticket no other policy claims, so it cannot have a category."),
        (false, null) => new FieldError("category", "Enter the ticket category this policy measures, e.g. Billing."),
        _ => null,
    };
}
