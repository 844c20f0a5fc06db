using SupportDesk.Data.Demo;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Benchmarks.Seeding;

public readonly record struct CommentRow(string AuthorId, string Content, bool IsInternal, DateTime CreatedAt);

/// <summary>One generated ticket; reused from row to row so a million tickets allocate little.</summary>
public sealed class TicketRow
{
    public long Id { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>The catalog text the description starts with; an order sentence may follow it.</summary>
    public string IssueDescription { get; set; } = "";

    public long? OrderNumber { get; set; }
    public TicketStatus Status { get; set; }
    public TicketPriority Priority { get; set; }
    public string CreatorId { get; set; } = "";
    public string? AssigneeId { get; set; }
    public string Category { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public DateTime? FirstResponseAt { get; set; }
    public DateTime FirstResponseDueAt { get; set; }
    public DateTime? ResolutionDueAt { get; set; }
    public DateTime? SlaDueAt { get; set; }
    public DateTime? SlaAtRiskAt { get; set; }
    public bool? FirstResponseSlaMet { get; set; }
    public bool? ResolutionSlaMet { get; set; }
    public List<int> TagIds { get; } = new(3);
    public List<CommentRow> Comments { get; } = new(10);
}

/// <summary>
/// Deterministic tickets: ticket <c>id</c> depends only on the seed and its id, so the ticket, tag and
/// comment passes regenerate the same ticket instead of holding millions of rows in memory.
/// Ids grow with creation time, as they would in a real helpdesk.
/// </summary>
public sealed class GeneratedData(SeedOptions options, IReadOnlyList<SeedUser> users, DateTime now)
{
    // Weights per 1000 for Open, InProgress, WaitingOnCustomer, Resolved, Closed by ticket age.
    private static readonly int[] Fresh = [450, 300, 150, 100, 0];
    private static readonly int[] Recent = [150, 250, 200, 250, 150];
    private static readonly int[] Month = [30, 70, 50, 250, 600];
    private static readonly int[] Old = [2, 3, 5, 90, 900];
    private static readonly int[] Priorities = [20, 50, 22, 8];

    private readonly SeedUser[] customers = [.. users.Where(u => u.Role != Data.Users.Roles.Agent)];
    private readonly SeedUser[] agents = [.. users.Where(u => u.Role == Data.Users.Roles.Agent)];
    private readonly DateTime start = now.AddYears(-2);

    public DateTime Now => now;

    /// <summary>Every text a generated ticket's title, description (before its order sentence) or comment can hold.</summary>
    public static IEnumerable<string> Phrases =>
        DemoCatalog.Categories.SelectMany(c => c.Issues).SelectMany(i => new[] { i.Title, i.Description })
            .Concat(DemoCatalog.Nudges).Concat(DemoCatalog.InternalNotes).Concat(DemoCatalog.FirstReplies).Concat(DemoCatalog.CustomerReplies)
            .Concat(DemoCatalog.Thanks).Concat(DemoCatalog.Resolutions).Concat(DemoCatalog.FollowUps);

    /// <summary>The tags with the ids they are stored under (1-based, in catalog order).</summary>
    internal static IReadOnlyList<DemoTag> Tags => DemoCatalog.Tags;

    public void Fill(long id, TicketRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var rng = Rng.For(options.Seed, id);
        var span = (now - start).Ticks;
        var created = start.AddTicks((long)(span * ((id - 1 + rng.Unit()) / options.Tickets)));
        var age = (now - created).TotalDays;
        var status = (TicketStatus)rng.Weighted(age < 2 ? Fresh : age < 14 ? Recent : age < 60 ? Month : Old);
        var category = rng.Pick(DemoCatalog.Categories);
        var issue = rng.Pick(category.Issues);

        row.Id = id;
        row.Title = issue.Title;
        row.IssueDescription = issue.Description;
        row.OrderNumber = category.HasOrder ? 100000 + id : null;
        row.Description = row.OrderNumber is { } order ? $"{issue.Description} {SeedSearchDocuments.OrderSentence(order)}" : issue.Description;
        row.Status = status;
        row.Priority = (TicketPriority)rng.Weighted(Priorities);
        row.Category = category.Name;
        row.CreatorId = rng.Pick(customers).Id;
        row.AssigneeId = status == TicketStatus.Open ? null : rng.Pick(agents).Id;
        row.CreatedAt = created;
        row.ResolvedAt = status >= TicketStatus.Resolved ? Between(created, created + SeedSla.ResolutionDelay(ref rng, row.Priority), 0.7) : null;
        row.ClosedAt = status == TicketStatus.Closed ? Between(row.ResolvedAt!.Value, row.ResolvedAt.Value.AddDays(2 + rng.Below(6)), 0.9) : null;

        // Assigned tickets have been answered; the answer comes before the resolution and before now.
        var answered = row.AssigneeId is null ? (DateTime?)null : created + SeedSla.FirstResponseDelay(ref rng, row.Priority);
        var end = row.ResolvedAt ?? now;
        row.FirstResponseAt = answered > end ? created.AddTicks((long)((end - created).Ticks * (0.2 + 0.6 * rng.Unit()))) : answered;

        row.TagIds.Clear();
        var tagCount = Math.Min(rng.Below(4), category.Tags.Count);
        var first = rng.Below(category.Tags.Count);
        for (var i = 0; i < tagCount; i++)
        {
            var name = category.Tags[(first + i) % category.Tags.Count];
            row.TagIds.Add(IndexOfTag(name) + 1);
        }

        AddComments(ref rng, row);
        SeedSla.Apply(row, now);
    }

    /// <summary>
    /// Comments before the first reply (the customer nudging, internal notes) fall between creation and the first
    /// response; the reply itself is the first response; the rest fall between it and the ticket's end.
    /// </summary>
    private void AddComments(ref Rng rng, TicketRow row)
    {
        row.Comments.Clear();
        var end = row.ClosedAt ?? row.ResolvedAt ?? now;
        if (row.AssigneeId is not { } agent || row.FirstResponseAt is not { } answered)
        {
            var nudges = rng.Below(3);
            for (var k = 0; k < nudges; k++)
            {
                row.Comments.Add(new(row.CreatorId, rng.Pick(DemoCatalog.Nudges), false, Spread(row.CreatedAt, end, k, nudges, ref rng)));
            }

            row.UpdatedAt = Last(row);
            return;
        }

        // Tickets without any comment were answered by phone: they still have their first response.
        var count = rng.Below(11);
        var before = count == 0 ? 0 : rng.Below(Math.Min(count, 3));
        for (var k = 0; k < before; k++)
        {
            var at = Spread(row.CreatedAt, answered, k, before, ref rng);
            row.Comments.Add(rng.Below(100) < 70 ? new(row.CreatorId, rng.Pick(DemoCatalog.Nudges), false, at) : new(agent, rng.Pick(DemoCatalog.InternalNotes), true, at));
        }

        if (count > 0)
        {
            row.Comments.Add(new(agent, rng.Pick(DemoCatalog.FirstReplies), false, answered));
        }

        var after = count - before - 1;
        for (var k = 0; k < after; k++)
        {
            var at = Spread(answered, end, k, after, ref rng);
            var roll = rng.Below(100);
            var closing = row.ResolvedAt is not null && k >= after - 2;
            row.Comments.Add(
                roll < 45 ? new(row.CreatorId, rng.Pick(closing && k == after - 1 ? DemoCatalog.Thanks : DemoCatalog.CustomerReplies), false, at)
                : roll < 60 ? new(agent, rng.Pick(DemoCatalog.InternalNotes), true, at)
                : new(agent, rng.Pick(closing ? DemoCatalog.Resolutions : DemoCatalog.FollowUps), false, at));
        }

        row.UpdatedAt = Max(Max(Last(row), row.ClosedAt ?? row.ResolvedAt ?? row.CreatedAt), answered);
    }

    /// <summary>The <paramref name="k"/>th of <paramref name="count"/> moments strictly between <paramref name="from"/> and <paramref name="to"/>, in order.</summary>
    private static DateTime Spread(DateTime from, DateTime to, int k, int count, ref Rng rng) =>
        from.AddTicks((long)((to - from).Ticks * ((k + rng.Unit()) / (count + 1))));

    private static DateTime Last(TicketRow row) => row.Comments.Count > 0 ? row.Comments[^1].CreatedAt : row.CreatedAt;

    /// <summary><paramref name="wanted"/>, unless it lies in the future: then a point <paramref name="share"/> of the way to now.</summary>
    private DateTime Between(DateTime from, DateTime wanted, double share) =>
        wanted <= now ? wanted : from.AddTicks((long)((now - from).Ticks * share));

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static int IndexOfTag(string name)
    {
        for (var i = 0; i < DemoCatalog.Tags.Count; i++)
        {
            if (DemoCatalog.Tags[i].Name == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Category tag {name} is not in the catalog.");
    }
}
