using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Users;

namespace SupportDesk.Benchmarks.Seeding;

/// <summary>What a run loaded and where its time went: the COPY rate alone, and the whole load (migrating aside) end to end.</summary>
public sealed record SeedSummary(long Tickets, long TicketTags, long Comments, IReadOnlyList<(string Phase, TimeSpan Elapsed)> Phases, TimeSpan Copy, TimeSpan Load)
{
    public double TicketsPerSecond => Tickets / Copy.TotalSeconds;

    public double EndToEndTicketsPerSecond => Tickets / Load.TotalSeconds;

    public override string ToString() =>
        $"{Tickets:N0} tickets, {TicketTags:N0} tags, {Comments:N0} comments; "
        + string.Join(", ", Phases.Select(p => $"{p.Phase} {p.Elapsed.TotalSeconds:N1} s"))
        + $"; COPY {TicketsPerSecond:N0} tickets/s; end to end {EndToEndTicketsPerSecond:N0} tickets/s ({Load.TotalSeconds:N1} s after migrating)";
}

/// <summary>Thrown when seeding would mix generated data into a database that already has some.</summary>
public sealed class SeedRefusedException(string message) : Exception(message);

/// <summary>
/// Fills an empty PostgreSQL database: migrate, users and tags, then everything else in one transaction
/// (so a failed run leaves nothing behind): drop GIN indexes and foreign keys, COPY, put them back,
/// build the search documents, analyze.
/// </summary>
public static class Seeder
{
    public static async Task<SeedSummary> RunAsync(SeedOptions options, TextWriter log, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(clock);
        var phases = new List<(string, TimeSpan)>();
        var watch = Stopwatch.StartNew();
        async Task Phase(string name, Func<Task> work)
        {
            log.WriteLine($"{name}...");
            var started = watch.Elapsed;
            await work();
            phases.Add((name, watch.Elapsed - started));
        }

        await Phase("migrate", () => MigrateAsync(options.Connection, cancellationToken));
        var loadStarted = watch.Elapsed;
        await using var connection = new NpgsqlConnection(options.Connection);
        await connection.OpenAsync(cancellationToken);
        if (await ScalarAsync<bool>(connection, "SELECT EXISTS (SELECT 1 FROM tickets)", cancellationToken))
        {
            throw new SeedRefusedException("The database already has tickets; seed only fills an empty database. Use a new database or drop this one.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var users = SeedUsers.Create(options, now);
        var data = new GeneratedData(options, users, now);
        var loader = new CopyLoader(connection, data, options.Tickets, log);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        IReadOnlyList<int> tagIds = [];
        await Phase("users and tags", async () =>
        {
            await loader.UsersAsync(users, await RoleIdsAsync(connection, cancellationToken), cancellationToken);
            tagIds = await TagIdsAsync(connection, now, cancellationToken);
        });

        IndexRebuild rebuild = null!;
        await Phase("drop indexes", async () => rebuild = await IndexRebuild.DropAsync(connection, cancellationToken));
        long tickets = 0, tags = 0, comments = 0;
        var copyStarted = watch.Elapsed;
        await Phase("copy tickets", async () => tickets = await loader.TicketsAsync(cancellationToken));
        await Phase("copy tags", async () => tags = await loader.TicketTagsAsync(tagIds, cancellationToken));
        await Phase("copy comments", async () => comments = await loader.CommentsAsync(cancellationToken));
        var copy = watch.Elapsed - copyStarted;

        await Phase("foreign keys", async () =>
        {
            await IndexRebuild.ExecuteAsync(connection,
                "SELECT setval(pg_get_serial_sequence('tickets', 'id'), max(id)) FROM tickets;"
                + "SELECT setval(pg_get_serial_sequence('comments', 'id'), max(id)) FROM comments;", cancellationToken);
            await rebuild.RestoreForeignKeysAsync(connection, cancellationToken);
        });
        await Phase("search documents", () => IndexRebuild.ExecuteAsync(connection, "SELECT ticket_search_rebuild()", cancellationToken));
        await Phase("GIN indexes", async () =>
        {
            await IndexRebuild.ExecuteAsync(connection, "SET LOCAL maintenance_work_mem = '1GB'", cancellationToken);
            await rebuild.RestoreIndexesAsync(connection, cancellationToken);
            await IndexRebuild.EnableTriggersAsync(connection, cancellationToken);
        });
        await Phase("analyze", () => IndexRebuild.ExecuteAsync(connection, "ANALYZE", cancellationToken));
        await Phase("commit", () => transaction.CommitAsync(cancellationToken));
        return new SeedSummary(tickets, tags, comments, phases, copy, watch.Elapsed - loadStarted);
    }

    /// <summary>Migrates with a context of its own: the app's Identity options (which decide the schema) are not registered here.</summary>
    internal static async Task MigrateAsync(string connection, CancellationToken cancellationToken)
    {
        var database = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connection };
        await using var db = new PostgresSupportDbContext(EngineOptions.Build<PostgresSupportDbContext>(database));
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>The app creates these roles at start-up; a fresh database may not have met the app yet.</summary>
    private static async Task<Dictionary<string, string>> RoleIdsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO "AspNetRoles" (id, name, normalized_name, concurrency_stamp)
            SELECT gen_random_uuid()::text, r, upper(r), gen_random_uuid()::text FROM unnest(@roles) r
            WHERE NOT EXISTS (SELECT 1 FROM "AspNetRoles" WHERE normalized_name = upper(r))
            """, connection);
        insert.Parameters.AddWithValue("roles", Roles.All.ToArray());
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return await ReadMapAsync<string>(connection, "SELECT name, id FROM \"AspNetRoles\"", cancellationToken);
    }

    /// <summary>The catalog's tags, reusing any that already exist; ids in catalog order.</summary>
    private static async Task<IReadOnlyList<int>> TagIdsAsync(NpgsqlConnection connection, DateTime now, CancellationToken cancellationToken)
    {
        foreach (var tag in GeneratedData.Tags)
        {
            await using var insert = new NpgsqlCommand(
                "INSERT INTO tags (name, color, description, created_at) SELECT @n, @c, @d, @t WHERE NOT EXISTS (SELECT 1 FROM tags WHERE name = @n)",
                connection);
            insert.Parameters.AddWithValue("n", tag.Name);
            insert.Parameters.AddWithValue("c", tag.Color);
            insert.Parameters.AddWithValue("d", tag.Description);
            insert.Parameters.AddWithValue("t", now.AddYears(-2));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        var ids = await ReadMapAsync<int>(connection, "SELECT name, id FROM tags", cancellationToken);
        return [.. GeneratedData.Tags.Select(t => ids[t.Name])];
    }

    private static async Task<Dictionary<string, T>> ReadMapAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            map[reader.GetString(0)] = reader.GetFieldValue<T>(1);
        }

        return map;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
