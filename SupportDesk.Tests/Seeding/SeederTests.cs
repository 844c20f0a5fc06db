using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using SupportDesk.Benchmarks.Seeding;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Engines;
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

            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(Cancel);
            Assert.Equal(
                ["ix_ticket_search_documents_public_text", "ix_ticket_search_documents_staff_text", "ix_tickets_number_trgm", "ix_tickets_title_trgm"],
                await ListAsync(connection, "SELECT indexname FROM pg_indexes WHERE indexdef LIKE '% USING gin %' AND tablename <> 'AspNetUsers' ORDER BY 1"));
            Assert.Contains("ix_comments_ticket_id_created_at", await ListAsync(connection, "SELECT indexname FROM pg_indexes"));
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
