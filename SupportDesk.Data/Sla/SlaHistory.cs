using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Sla;

/// <summary>
/// A ticket's priority and status over its life, read from its audit entries (the creation entry holds the first
/// values, each later entry the from/to of a change). A change not in the entries yet (the save under way) is the
/// difference between the last audited value and the ticket's current one, dated <c>now</c>.
/// </summary>
internal static class SlaHistory
{
    public static SlaTicket Build(TicketSlaFacts ticket, IEnumerable<SlaChangeSet> entries, DateTime now)
    {
        TicketPriority? firstPriority = null, lastPriority = null;
        TicketStatus? firstStatus = null, lastStatus = null;
        var priorityChanges = new List<PriorityChange>();
        var statusChanges = new List<(DateTime At, TicketStatus Status)>();
        foreach (var entry in entries.OrderBy(e => e.At))
        {
            foreach (var change in entry.Changes)
            {
                if (change.Field == "priority" && Parse<TicketPriority>(change.To) is { } priority)
                {
                    var before = Parse<TicketPriority>(change.From);
                    firstPriority ??= before ?? priority;
                    if (before is not null)
                    {
                        priorityChanges.Add(new PriorityChange(entry.At, priority));
                    }

                    lastPriority = priority;
                }
                else if (change.Field == "status" && Parse<TicketStatus>(change.To) is { } status)
                {
                    var before = Parse<TicketStatus>(change.From);
                    firstStatus ??= before ?? status;
                    if (before is not null)
                    {
                        statusChanges.Add((entry.At, status));
                    }

                    lastStatus = status;
                }
            }
        }

        // Tickets without a history (imported, or older than the audit trail) are read as always having been as they are.
        firstPriority ??= ticket.Priority;
        firstStatus ??= ticket.Status;
        if ((lastPriority ?? firstPriority) != ticket.Priority)
        {
            priorityChanges.Add(new PriorityChange(now, ticket.Priority));
        }

        if ((lastStatus ?? firstStatus) != ticket.Status)
        {
            statusChanges.Add((now, ticket.Status));
        }

        return new SlaTicket(
            ticket.CreatedAt, firstPriority.Value, priorityChanges, Pauses(ticket.CreatedAt, firstStatus.Value, statusChanges), ticket.FirstResponseAt, ticket.ResolvedAt);
    }

    /// <summary>The periods spent in Waiting on customer; the last is open while the ticket still waits.</summary>
    private static List<SlaPause> Pauses(DateTime createdAt, TicketStatus first, List<(DateTime At, TicketStatus Status)> changes)
    {
        var pauses = new List<SlaPause>();
        DateTime? waitingSince = first == TicketStatus.WaitingOnCustomer ? createdAt : null;
        foreach (var (at, status) in changes)
        {
            if (status == TicketStatus.WaitingOnCustomer)
            {
                waitingSince ??= at;
            }
            else if (waitingSince is { } since)
            {
                pauses.Add(new SlaPause(since, at < since ? since : at));
                waitingSince = null;
            }
        }

        if (waitingSince is { } open)
        {
            pauses.Add(new SlaPause(open, null));
        }

        return pauses;
    }

    private static T? Parse<T>(string? text)
        where T : struct, Enum => Enum.TryParse<T>(text, out var value) && Enum.IsDefined(value) ? value : null;
}
