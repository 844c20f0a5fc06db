using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Data;
using SupportDesk.Data.Access;
using SupportDesk.Data.Dashboards;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;

namespace SupportDesk.Benchmarks.Measuring;

/// <summary>Thrown when the database has nothing worth measuring.</summary>
public sealed class BenchRefusedException(string message) : Exception(message);

/// <summary>One question asked both ways; <see cref="Naive"/> says in words what the baseline does.</summary>
internal sealed record Question(string Name, string Naive, Func<CancellationToken, Task> OursAsync, Func<CancellationToken, Task> NaiveAsync, bool Bulk = false);

/// <summary>
/// Asks the questions agents ask all day through the app's own services, and the same questions the naive way,
/// in one run against one database, and prints p50/p95 for both as a Markdown table.
/// </summary>
public static partial class Benchmark
{
    public static async Task<string> RunAsync(BenchOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSupportDeskData(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = options.Connection, MigrateOnStartup = false })
            .BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var contexts = services.GetRequiredService<IDbContextFactory<SupportDbContext>>();

        // The indexes measured are the ones this build's migrations define.
        await Seeding.Seeder.MigrateAsync(options.Connection, cancellationToken);

        var queue = services.GetRequiredService<QueueQueries>();
        var bulk = services.GetRequiredService<BulkActions>();
        var naive = new NaiveQueries(contexts);
        var dashboards = services.GetRequiredService<DashboardQueries>();

        var facts = await Facts.ReadAsync(contexts, queue, cancellationToken);
        log.WriteLine($"{facts.Tickets:N0} tickets; agent {facts.Agent.UserId}; searching \"{Facts.CommonWord}\" and \"{facts.OrderNumber}\"");
        var questions = Questions(facts, queue, bulk, naive);
        questions.Add(DashboardQuestion.Create(dashboards, contexts, facts.Admin, facts.Now));

        // Reads first, the write last: the reads then meet the settled tables autovacuum keeps, not 10,000 tickets
        // rewritten a moment ago (with their pages no longer marked all-visible for index-only scans).
        var rows = new List<string>();
        foreach (var question in questions.Where(q => options.Only is null || q.Name.Contains(options.Only, StringComparison.OrdinalIgnoreCase)).OrderBy(q => q.Bulk))
        {
            if (question.Bulk)
            {
                // The bulk question flips its tickets between two statuses; start them all from one, so every run changes all of them.
                await bulk.SetStatusAsync(facts.Admin, BulkTarget.Tickets(facts.BulkNumbers), TicketStatus.InProgress, null, cancellationToken);
            }

            var (runs, naiveRuns) = question.Bulk ? (options.BulkRuns, options.BulkRuns) : (options.Runs, options.NaiveRuns);
            var warmups = question.Bulk ? 1 : options.Warmups;
            log.WriteLine($"{question.Name}: {runs} runs...");
            var ours = await Samples.TakeAsync(warmups, runs, question.OursAsync, cancellationToken);
            log.WriteLine($"{question.Name}, naive: {naiveRuns} runs...");
            var baseline = await Samples.TakeAsync(warmups, naiveRuns, question.NaiveAsync, cancellationToken);
            rows.Add(Row(question, ours, baseline));
            log.WriteLine(rows[^1]);
        }

        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"PostgreSQL {facts.ServerVersion}, {facts.Tickets:N0} tickets, {Environment.ProcessorCount} cores; "
                + $"{options.Runs} runs per question ({options.NaiveRuns} naive, {options.BulkRuns} bulk) after warm-up; times in ms.")
            .AppendLine()
            .AppendLine("| Question | SupportDesk p50 | p95 | Naive p50 | p95 | Faster (p50) | The naive way |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---|");
        rows.ForEach(r => text.AppendLine(r));
        return text.ToString();
    }

    private static List<Question> Questions(Facts facts, QueueQueries queue, BulkActions bulk, NaiveQueries naive)
    {
        var agent = facts.Agent;
        var page = new QueuePaging(NaiveQueries.PageSize);
        var threeFilters = new QueueFilter
        {
            Statuses = BuiltInViews.Unfinished,
            Priorities = [TicketPriority.High, TicketPriority.Urgent],
            Category = Facts.Category,
        };
        var statuses = BuiltInViews.Unfinished;
        var nextStatus = TicketStatus.InProgress;
        TicketStatus Toggle() => nextStatus = nextStatus == TicketStatus.Resolved ? TicketStatus.InProgress : TicketStatus.Resolved;

        return
        [
            new("Default queue page (50 newest, with count)", "eager-loaded query, COUNT + OFFSET 0",
                ct => queue.ListAsync(agent, new QueueFilter(), new QueueSort(), page, ct),
                ct => naive.PageAsync(t => t, 0, ct)),
            new("Queue page 201 (rows 10,001–10,050)", "eager-loaded query, COUNT + OFFSET 10000",
                ct => queue.ListAsync(agent, new QueueFilter(), new QueueSort(), page with { After = facts.DeepCursor }, ct),
                ct => naive.PageAsync(t => t, 10_000, ct)),
            new("3-filter queue page (status, priority, category)", "eager-loaded query, COUNT + OFFSET 0",
                ct => queue.ListAsync(agent, threeFilters, new QueueSort(), page, ct),
                ct => naive.PageAsync(t => t.Where(x => statuses.Contains(x.Status) && (x.Priority == TicketPriority.High || x.Priority == TicketPriority.Urgent) && x.Category == Facts.Category), 0, ct)),
            new($"Tag filter (\"{Facts.Tag}\")", "eager-loaded query with EXISTS on the tag name, COUNT + OFFSET 0",
                ct => queue.ListAsync(agent, new QueueFilter { Tags = [Facts.Tag] }, new QueueSort(), page, ct),
                ct => naive.PageAsync(t => t.Where(x => x.TicketTags.Any(tt => tt.Tag!.Name == Facts.Tag)), 0, ct)),
            new($"Full-text search, common word (\"{Facts.CommonWord}\")", "ILIKE '%term%' on title and description, COUNT + OFFSET 0",
                ct => queue.ListAsync(agent, new QueueFilter { Text = Facts.CommonWord }, new QueueSort(), page, ct),
                ct => naive.PageAsync(t => NaiveQueries.Containing(t, Facts.CommonWord), 0, ct)),
            new("Full-text search, one order number", "ILIKE '%term%' on title and description, COUNT + OFFSET 0",
                ct => queue.ListAsync(agent, new QueueFilter { Text = facts.OrderNumber }, new QueueSort(), page, ct),
                ct => naive.PageAsync(t => NaiveQueries.Containing(t, facts.OrderNumber), 0, ct)),
            new("Seven view counts (navigation badges)", "seven exact COUNTs",
                ct => queue.ViewCountsAsync(agent, ct),
                ct => naive.CountAllAsync(NaiveViews(agent, facts.Now), ct)),
            new("Bulk status change of 10,000 tickets", "load the 10,000 tickets tracked, change each, SaveChanges",
                async ct => Check(await bulk.SetStatusAsync(facts.Admin, BulkTarget.Tickets(facts.BulkNumbers), Toggle(), null, ct)),
                ct => naive.SetStatusAsync(facts.BulkNumbers, Toggle(), ct),
                Bulk: true),
        ];
    }

    /// <summary>The built-in views' filters written out by hand, counted exactly.</summary>
    private static List<Func<IQueryable<Ticket>, IQueryable<Ticket>>> NaiveViews(Actor agent, DateTime now)
    {
        var unfinished = BuiltInViews.Unfinished;
        var recent = now - BuiltInViews.RecentWindow;
        return
        [
            t => t.Where(x => unfinished.Contains(x.Status) && x.AssigneeId == null),
            t => t.Where(x => unfinished.Contains(x.Status) && x.AssigneeId == agent.UserId),
            t => t.Where(x => unfinished.Contains(x.Status)),
            t => t.Where(x => x.SlaAtRiskAt <= now && x.SlaDueAt > now),
            t => t.Where(x => x.SlaDueAt <= now),
            t => t.Where(x => x.Status == TicketStatus.WaitingOnCustomer),
            t => t.Where(x => x.UpdatedAt >= recent),
        ];
    }

    private static void Check(Data.Infrastructure.ServiceResult<int> result)
    {
        if (!result.Succeeded || result.Value != Facts.BulkSize)
        {
            throw new InvalidOperationException($"The bulk change did not change {Facts.BulkSize:N0} tickets: {result}");
        }
    }

    private static string Row(Question question, Samples ours, Samples naive) => string.Create(CultureInfo.InvariantCulture,
        $"| {question.Name} | {ours.Percentile(50):N1} | {ours.Percentile(95):N1} | {naive.Percentile(50):N1} | {naive.Percentile(95):N1} | "
        + $"{naive.Percentile(50) / ours.Percentile(50):N0}x | {question.Naive} |");

    /// <summary>What the questions need to know about the database, read once before timing starts.</summary>
    private sealed record Facts(long Tickets, string ServerVersion, Actor Agent, string OrderNumber, string DeepCursor, IReadOnlyList<string> BulkNumbers, DateTime Now)
    {
        public Actor Admin => Agent with { Role = ActorRole.Admin };

        public const string CommonWord = "printer";
        public const string Category = "Technical";
        public const string Tag = "refund";
        public const int BulkSize = 10_000;
        private const int BulkWindows = 10;

        public static async Task<Facts> ReadAsync(IDbContextFactory<SupportDbContext> contexts, QueueQueries queue, CancellationToken cancellationToken)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var tickets = await db.Tickets.LongCountAsync(cancellationToken);
            if (tickets < 20 * BulkSize)
            {
                throw new BenchRefusedException($"The database has {tickets:N0} tickets; seed at least {20 * BulkSize:N0} first (see README, Performance).");
            }

            var version = await db.Database.SqlQuery<string>($"SELECT current_setting('server_version') AS \"Value\"").SingleAsync(cancellationToken);
            var agentRole = await db.Roles.Where(r => r.Name == Roles.Agent).Select(r => r.Id).SingleAsync(cancellationToken);
            var agentId = await db.UserRoles.Where(ur => ur.RoleId == agentRole).OrderBy(ur => ur.UserId).Select(ur => ur.UserId).FirstAsync(cancellationToken);
            var agent = new Actor(agentId, ActorRole.Agent);

            // A ticket well inside the table, so the search is for something that exists and is not the newest.
            var description = await db.Tickets.Where(t => t.Description.Contains("Order SO-")).OrderBy(t => t.Id).Skip((int)(tickets / 3))
                .Select(t => t.Description).FirstAsync(cancellationToken);
            var order = OrderNumberPattern().Match(description).Value;

            // Reached the way an agent would: 200 pages of Next.
            var paging = new QueuePaging(NaiveQueries.PageSize);
            for (var i = 0; i < 200; i++)
            {
                paging = paging with { After = (await queue.ListAsync(agent, new QueueFilter(), new QueueSort(), paging, cancellationToken)).Next };
            }

            // Every flip adds to the flipped tickets' audit history, which the bulk change's SLA recompute reads: taking the
            // least flipped of ten windows keeps reruns on one database from measuring an ever longer history.
            var live = db.Tickets.Where(t => t.DeletedAt == null).OrderByDescending(t => t.Id);
            var flips = new List<int>();
            for (var window = 0; window < BulkWindows; window++)
            {
                var first = await live.Skip(50_000 + (window * BulkSize)).Select(t => t.Number).FirstAsync(cancellationToken);
                flips.Add(await db.AuditEntries.CountAsync(a => a.TicketNumber == first, cancellationToken));
            }

            var bulk = await live.Skip(50_000 + (flips.IndexOf(flips.Min()) * BulkSize)).Take(BulkSize).Select(t => t.Number).ToListAsync(cancellationToken);
            return new Facts(tickets, version, agent, order, paging.After!, bulk, DateTime.UtcNow);
        }
    }

    [GeneratedRegex(@"SO-\d+")]
    private static partial Regex OrderNumberPattern();
}
