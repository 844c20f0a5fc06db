using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Tags;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Demo;

/// <summary>The demo users who write the tickets' history.</summary>
internal sealed record DemoCast(IReadOnlyList<string> CustomerIds, IReadOnlyList<string> AgentIds);

/// <summary>
/// Writes one plausible ticket at a time: a customer's problem, the agents' replies and notes, tags, and
/// times that agree with the status. A fixed seed gives every install the same helpdesk to talk about.
/// </summary>
internal sealed class DemoHistory(DemoCast cast, IReadOnlyDictionary<string, int> tagIds, DateTime now)
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(90);

    private const int Seed = 20261125;

    private readonly Random random = new(Seed);
    private readonly HashSet<string> numbers = new(StringComparer.Ordinal);

    public Ticket Next()
    {
        var createdAt = WholeSeconds(now - TimeSpan.FromMinutes(random.Next(10, (int)Window.TotalMinutes)));
        var status = StatusFor(now - createdAt);
        var priority = Pick((TicketPriority.Low, 30), (TicketPriority.Medium, 48), (TicketPriority.High, 15), (TicketPriority.Urgent, 7));
        var category = One(DemoCatalog.Categories);
        var issue = One(category.Issues);

        // Frequent customers come first in the list, so some people have many tickets and some a few.
        var customer = cast.CustomerIds[Math.Min(random.Next(cast.CustomerIds.Count), random.Next(cast.CustomerIds.Count))];
        var assignee = status == TicketStatus.Open && random.Next(2) == 0 ? null : One(cast.AgentIds);

        DateTime? resolvedAt = status is TicketStatus.Resolved or TicketStatus.Closed
            ? WholeSeconds(createdAt + Min(ResolutionTime(priority), (now - createdAt) * 0.8))
            : null;
        DateTime? closedAt = status == TicketStatus.Closed
            ? WholeSeconds(resolvedAt!.Value + Min(TimeSpan.FromHours(random.Next(24, 24 * 7)), (now - resolvedAt.Value) * 0.9))
            : null;

        var ticket = new Ticket
        {
            Number = UniqueNumber(createdAt),
            Title = issue.Title,
            Description = issue.Description,
            Status = status,
            Priority = priority,
            CreatorId = customer,
            AssigneeId = assignee,
            Category = category.Name,
            CustomFields = category.HasOrder && random.Next(3) > 0 ? OrderFields() : "{}",
            CreatedAt = createdAt,
            ResolvedAt = resolvedAt,
            ClosedAt = closedAt,
        };

        ticket.Comments = Conversation(ticket, resolvedAt ?? now);
        ticket.FirstResponseAt = ticket.Comments.FirstOrDefault(c => !c.IsInternal && c.AuthorId == assignee)?.CreatedAt;
        ticket.TicketTags = Tags(category, createdAt, resolvedAt ?? now);
        ticket.UpdatedAt = ticket.Comments.Select(c => c.CreatedAt)
            .Concat(ticket.TicketTags.Select(t => t.AddedAt))
            .Append(closedAt ?? resolvedAt ?? createdAt)
            .Max();
        return ticket;
    }

    /// <summary>Recent tickets are still being worked on; older ones have mostly been resolved and closed.</summary>
    private TicketStatus StatusFor(TimeSpan age) => age.TotalDays switch
    {
        < 3 => Pick((TicketStatus.Open, 45), (TicketStatus.InProgress, 30), (TicketStatus.WaitingOnCustomer, 15), (TicketStatus.Resolved, 10)),
        < 14 => Pick((TicketStatus.Open, 10), (TicketStatus.InProgress, 25), (TicketStatus.WaitingOnCustomer, 20),
            (TicketStatus.Resolved, 30), (TicketStatus.Closed, 15)),
        _ => Pick((TicketStatus.Open, 3), (TicketStatus.InProgress, 5), (TicketStatus.WaitingOnCustomer, 4),
            (TicketStatus.Resolved, 18), (TicketStatus.Closed, 70)),
    };

    private TimeSpan ResolutionTime(TicketPriority priority) => TimeSpan.FromHours(priority switch
    {
        TicketPriority.Urgent => random.Next(1, 8),
        TicketPriority.High => random.Next(4, 24),
        TicketPriority.Medium => random.Next(8, 72),
        _ => random.Next(24, 24 * 7),
    });

    /// <summary>
    /// The messages in the order a conversation would have them, spread between creation and
    /// <paramref name="end"/> (the resolution, or now for a ticket still open).
    /// </summary>
    private List<Comment> Conversation(Ticket ticket, DateTime end)
    {
        var agent = ticket.AssigneeId;
        var steps = new List<(string AuthorId, string Content, bool IsInternal)>();
        if (agent is not null && random.Next(3) == 0)
        {
            steps.Add((agent, One(DemoCatalog.InternalNotes), true));
        }

        // An open ticket is still waiting for its first answer; at most the customer has asked again.
        if (agent is null || ticket.Status == TicketStatus.Open)
        {
            if (random.Next(4) == 0)
            {
                steps.Add((ticket.CreatorId, One(DemoCatalog.Nudges), false));
            }

            return Timed(steps, ticket.CreatedAt, end, lastAtEnd: false);
        }

        steps.Add((agent, One(DemoCatalog.FirstReplies), false));
        for (var round = random.Next(3); round > 0; round--)
        {
            steps.Add((ticket.CreatorId, One(DemoCatalog.CustomerReplies), false));
            if (random.Next(3) == 0)
            {
                steps.Add((agent, One(DemoCatalog.InternalNotes), true));
            }

            steps.Add((agent, One(DemoCatalog.FollowUps), false));
        }

        var resolved = ticket.ResolvedAt is not null;
        if (resolved)
        {
            steps.Add((agent, One(DemoCatalog.Resolutions), false));
        }
        else if (ticket.Status == TicketStatus.InProgress && random.Next(2) == 0)
        {
            steps.Add((ticket.CreatorId, One(DemoCatalog.CustomerReplies), false));
        }

        var comments = Timed(steps, ticket.CreatedAt, end, lastAtEnd: resolved);
        if (ticket.ClosedAt is { } closedAt && random.Next(2) == 0)
        {
            var thanksAt = WholeSeconds(end + ((closedAt - end) * random.NextDouble()));
            comments.Add(NewComment(ticket.CreatorId, One(DemoCatalog.Thanks), false, thanksAt));
        }

        return comments;
    }

    /// <summary>Gives each step a time after the one before; a resolving reply is the resolution itself.</summary>
    private List<Comment> Timed(List<(string AuthorId, string Content, bool IsInternal)> steps, DateTime start, DateTime end, bool lastAtEnd)
    {
        var offsets = steps.Select(_ => random.NextDouble()).Order().ToList();
        if (lastAtEnd && offsets.Count > 0)
        {
            offsets[^1] = 1;
        }

        return [.. steps.Select((step, i) => NewComment(step.AuthorId, step.Content, step.IsInternal, WholeSeconds(start + ((end - start) * offsets[i]))))];
    }

    private static Comment NewComment(string authorId, string content, bool isInternal, DateTime at) => new()
    {
        AuthorId = authorId,
        Content = content,
        IsInternal = isInternal,
        CreatedAt = at,
        UpdatedAt = at,
    };

    /// <summary>Tags an agent would have put on the ticket while triaging it.</summary>
    private List<TicketTag> Tags(DemoCategory category, DateTime createdAt, DateTime end)
    {
        var count = Pick((0, 35), (1, 45), (2, 20));
        var addedAt = WholeSeconds(createdAt + Min(TimeSpan.FromMinutes(random.Next(5, 90)), end - createdAt));
        return [.. category.Tags.OrderBy(_ => random.Next()).Take(count).Select(name => new TicketTag { TagId = tagIds[name], AddedAt = addedAt })];
    }

    private string OrderFields() => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["order"] = "A-" + random.Next(1000, 10000).ToString(CultureInfo.InvariantCulture),
    });

    /// <summary>Ticket numbers end in random characters, so two tickets of one day could collide.</summary>
    private string UniqueNumber(DateTime createdAt)
    {
        string number;
        do
        {
            number = TicketNumber.New(createdAt);
        }
        while (!numbers.Add(number));

        return number;
    }

    private T One<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private T Pick<T>(params ReadOnlySpan<(T Value, int Weight)> choices)
    {
        var total = 0;
        foreach (var choice in choices)
        {
            total += choice.Weight;
        }

        var roll = random.Next(total);
        foreach (var choice in choices)
        {
            roll -= choice.Weight;
            if (roll < 0)
            {
                return choice.Value;
            }
        }

        throw new UnreachableException();
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>Whole seconds compare equal after a round trip through either engine.</summary>
    private static DateTime WholeSeconds(DateTime value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
