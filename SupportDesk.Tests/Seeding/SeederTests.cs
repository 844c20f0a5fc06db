using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using SupportDesk.Benchmarks.Seeding;
using SupportDesk.Data;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Sla;
using SupportDesk.Data.Tickets;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Seeding;

public sealed partial class SeederTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seeding_fills_an_empty_PostgreSQL_database_that_the_app_can_read_and_search()
    {
        var database = await templates.CreateAsync(DatabaseProvider.Postgres, Cancel);
        try
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(Cancel);
            var schema = await ListAsync(connection, Schema);
            var options = new SeedOptions(database.ConnectionString!, Tickets: 2_000, Customers: 150, Agents: 6, Seed: 7);
            var clock = new FakeTimeProvider(TestDatabase.Start);

            var summary = await Seeder.RunAsync(options, TextWriter.Null, clock, Cancel);

            await using var db = TestContexts.Create(database);
            var tickets = await db.Tickets.AsNoTracking()
                .Select(t => new { t.Id, t.Number, t.Title, t.Status, t.AssigneeId, t.CreatedAt, t.ResolvedAt, t.ClosedAt, t.FirstResponseAt, Comments = t.Comments.Count })
                .ToListAsync(Cancel);
            Assert.Equal(2_000, tickets.Count);
            Assert.Equal(summary.Comments, await db.Comments.LongCountAsync(Cancel));
            Assert.Equal(summary.TicketTags, await db.TicketTags.LongCountAsync(Cancel));
            Assert.All(tickets, t => Assert.InRange(t.Comments, 0, 10));
            Assert.Equal(tickets.Count, tickets.Select(t => t.Number).Distinct().Count());
            Assert.All(tickets, t => Assert.Matches(NumberPattern(), t.Number));
            Assert.All(tickets, t => Assert.StartsWith($"TKT-{t.CreatedAt:yyyyMMdd}-", t.Number, StringComparison.Ordinal));
            Assert.All(tickets, t => Assert.InRange(t.CreatedAt, TestDatabase.Start.UtcDateTime.AddYears(-2), TestDatabase.Start.UtcDateTime));
            Assert.All(Enum.GetValues<TicketStatus>(), s => Assert.Contains(tickets, t => t.Status == s));
            Assert.All(tickets.Where(t => t.Status == TicketStatus.Open), t => Assert.True(t.ResolvedAt is null && t.ClosedAt is null && t.AssigneeId is null));
            Assert.All(tickets.Where(t => t.Status is TicketStatus.InProgress or TicketStatus.WaitingOnCustomer),
                t => Assert.True(t.ResolvedAt is null && t.ClosedAt is null && t.AssigneeId is not null && t.FirstResponseAt is not null));
            Assert.All(tickets.Where(t => t.Status == TicketStatus.Resolved), t => Assert.True(t.ResolvedAt >= t.CreatedAt && t.ClosedAt is null));
            Assert.All(tickets.Where(t => t.Status == TicketStatus.Closed), t => Assert.True(t.ClosedAt >= t.ResolvedAt && t.ResolvedAt >= t.CreatedAt));
            await AssertSlaAsync(db, TestDatabase.Start.UtcDateTime);

            Assert.Equal(schema, await ListAsync(connection, Schema));
            Assert.Equal(["0"], await ListAsync(connection, DocumentsUnlikeTheDatabasesOwn));
            Assert.Equal(["O", "O"], await ListAsync(connection, "SELECT tgenabled::text FROM pg_trigger WHERE tgname IN ('tickets_search', 'comments_search')"));

            var ticket = tickets[^1];
            var word = ticket.Title.Split(' ').First(w => w.Length > 4);
            Assert.Contains(ticket.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), await FoundAsync(connection, word));

            db.Comments.Add(new Comment { TicketId = ticket.Id, AuthorId = (await db.Users.FirstAsync(Cancel)).Id, Content = "The xylophone arrived out of tune.", CreatedAt = clock.GetUtcNow().UtcDateTime, UpdatedAt = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(Cancel);
            Assert.Equal([ticket.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], await FoundAsync(connection, "xylophone"));

            await Assert.ThrowsAsync<SeedRefusedException>(() => Seeder.RunAsync(options, TextWriter.Null, clock, Cancel));
        }
        finally
        {
            await templates.DropAsync(database);
        }
    }

    [Fact]
    public async Task A_seed_stopped_half_way_leaves_the_database_as_it_found_it()
    {
        var database = await templates.CreateAsync(DatabaseProvider.Postgres, Cancel);
        try
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(Cancel);
            var schema = await ListAsync(connection, Schema);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
            var options = new SeedOptions(database.ConnectionString!, Tickets: 20_000, Customers: 50, Agents: 3);

            await Assert.ThrowsAnyAsync<OperationCanceledException>(
                () => Seeder.RunAsync(options, new StopOnFirstProgress(stop), new FakeTimeProvider(TestDatabase.Start), stop.Token));

            Assert.Equal(["0 0 0 0 0 0"], await ListAsync(connection,
                """
                SELECT concat_ws(' ', (SELECT count(*) FROM tickets), (SELECT count(*) FROM comments), (SELECT count(*) FROM ticket_tags),
                    (SELECT count(*) FROM ticket_search_documents), (SELECT count(*) FROM "AspNetUsers"), (SELECT count(*) FROM tags))
                """));
            Assert.Equal(schema, await ListAsync(connection, Schema));
            Assert.Equal(["O", "O"], await ListAsync(connection, "SELECT tgenabled::text FROM pg_trigger WHERE tgname IN ('tickets_search', 'comments_search')"));
        }
        finally
        {
            await templates.DropAsync(database);
        }
    }

    /// <summary>Every index and constraint of the loaded tables, as the migrations made them.</summary>
    private const string Schema =
        """
        SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()
        UNION ALL SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
        ORDER BY 1
        """;

    /// <summary>How many tickets lack a search document, or have one other than the database builds from the same rows.</summary>
    private const string DocumentsUnlikeTheDatabasesOwn =
        """
        WITH c AS (
            SELECT ticket_id,
                   left(string_agg(content, ' ' ORDER BY id) FILTER (WHERE NOT is_internal), 100000) AS replies,
                   left(string_agg(content, ' ' ORDER BY id) FILTER (WHERE is_internal), 100000) AS notes
            FROM comments GROUP BY ticket_id),
        expected AS (
            SELECT t.id, p.text AS public_text, p.text || ticket_search_notes(c.notes) AS staff_text
            FROM tickets t LEFT JOIN c ON c.ticket_id = t.id
            CROSS JOIN LATERAL (SELECT ticket_search_public(t.title, t.description, c.replies) AS text) p)
        SELECT count(*)::text FROM expected e LEFT JOIN ticket_search_documents d ON d.ticket_id = e.id
        WHERE d.ticket_id IS NULL OR d.public_text::text <> e.public_text::text OR d.staff_text::text <> e.staff_text::text
        """;

    /// <summary>The seeder's log, which cancels the run once rows are flowing.</summary>
    private sealed class StopOnFirstProgress(CancellationTokenSource stop) : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
    {
        public override void Write(string? value)
        {
            base.Write(value);
            if (value?.Contains("tickets/s", StringComparison.Ordinal) == true)
            {
                stop.Cancel();
            }
        }
    }

    /// <summary>
    /// The SLA columns are those the app would have stored under the Standard policy, with a realistic share of
    /// met and breached targets, and the first response is the assignee's first public reply on most tickets.
    /// </summary>
    private static async Task AssertSlaAsync(SupportDbContext db, DateTime now)
    {
        var tickets = await db.Tickets.AsNoTracking()
            .Select(t => new
            {
                t.Status,
                t.Priority,
                t.CreatedAt,
                t.ResolvedAt,
                t.FirstResponseAt,
                t.SlaPolicyId,
                t.FirstResponseDueAt,
                t.ResolutionDueAt,
                t.SlaDueAt,
                t.SlaAtRiskAt,
                t.FirstResponseSlaMet,
                t.ResolutionSlaMet,
                t.SlaAlertedAt,
                FirstReply = t.Comments.Where(c => !c.IsInternal && c.AuthorId == t.AssigneeId).Min(c => (DateTime?)c.CreatedAt),
            })
            .ToListAsync(Cancel);
        Assert.All(tickets, t =>
        {
            var target = SlaTargets.Default.For(t.Priority);
            var resolutionDue = t.CreatedAt + target.Resolution;
            Assert.Equal(SlaPolicy.DefaultId, t.SlaPolicyId);
            Assert.Equal(t.CreatedAt + target.FirstResponse, t.FirstResponseDueAt);
            Assert.Equal(t.Status == TicketStatus.WaitingOnCustomer && resolutionDue > now ? null : resolutionDue, t.ResolutionDueAt);
            Assert.Equal(t.FirstResponseAt is null ? null : t.FirstResponseAt <= t.FirstResponseDueAt, t.FirstResponseSlaMet);
            Assert.Equal(t.ResolvedAt is null ? null : t.ResolvedAt <= resolutionDue, t.ResolutionSlaMet);
            Assert.Null(t.SlaAlertedAt);
            Assert.True(t.FirstReply is null || t.FirstReply >= t.FirstResponseAt, "No public reply by the assignee comes before the first response.");

            var pending = new List<(DateTime Due, TimeSpan Target)>();
            if (t.Status < TicketStatus.Resolved && t.FirstResponseAt is null)
            {
                pending.Add((t.FirstResponseDueAt!.Value, target.FirstResponse));
            }

            if (t.Status < TicketStatus.Resolved && t.ResolutionDueAt is { } due)
            {
                pending.Add((due, target.Resolution));
            }

            var earliest = pending.OrderBy(p => p.Due).Select(p => ((DateTime, TimeSpan)?)p).FirstOrDefault();
            Assert.Equal(earliest?.Item1, t.SlaDueAt);
            Assert.Equal(earliest is { } e ? e.Item1 - e.Item2 / 4 : null, t.SlaAtRiskAt);
        });

        Assert.InRange(Share(tickets.Where(t => t.FirstResponseSlaMet is not null), t => t.FirstResponseSlaMet == true), 0.65, 0.95);
        Assert.InRange(Share(tickets.Where(t => t.ResolutionSlaMet is not null), t => t.ResolutionSlaMet == true), 0.65, 0.97);
        Assert.InRange(Share(tickets.Where(t => t.FirstResponseAt is not null), t => t.FirstReply == t.FirstResponseAt), 0.8, 1);
        Assert.Contains(tickets, t => t.Status == TicketStatus.Open && t.SlaDueAt < now);
        Assert.Contains(tickets, t => t.Status < TicketStatus.Resolved && t.SlaDueAt > now);
    }

    private static double Share<T>(IEnumerable<T> items, Func<T, bool> predicate)
    {
        var list = items.ToList();
        Assert.NotEmpty(list);
        return (double)list.Count(predicate) / list.Count;
    }

    private static async Task<List<string>> FoundAsync(NpgsqlConnection connection, string word)
    {
        await using var command = new NpgsqlCommand(
            "SELECT ticket_id::text FROM ticket_search_documents WHERE public_text @@ plainto_tsquery('english', @w) ORDER BY 1", connection);
        command.Parameters.AddWithValue("w", word);
        return await ReadAsync(command);
    }

    private static async Task<List<string>> ListAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await ReadAsync(command);
    }

    private static async Task<List<string>> ReadAsync(NpgsqlCommand command)
    {
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        while (await reader.ReadAsync(Cancel))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    [GeneratedRegex("^TKT-[0-9]{8}-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{4}$")]
    private static partial Regex NumberPattern();
}
