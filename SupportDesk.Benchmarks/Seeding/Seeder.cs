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
/// Fills an empty PostgreSQL database: migrate; users and tags, and the load's brakes off (GIN and other indexes,
/// foreign keys, search triggers); then every table's COPY at once, each on its own connection, from one pass of
/// generated tickets; then the indexes (two at a time), the foreign keys, the triggers, and analyze. The load
/// commits table by table, so a failure after the brakes came off empties the loaded tables, removes the users
/// and tags it added and puts the schema back: a failed run leaves nothing behind.
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
        IndexRebuild rebuild = null!;
        IReadOnlyList<int> tagIds = [];
        int[] newTagIds = [];
        await Phase("users, tags, drop indexes", async () =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await CopyLoader.UsersAsync(connection, users, await RoleIdsAsync(connection, cancellationToken), cancellationToken);
            (tagIds, newTagIds) = await TagIdsAsync(connection, now, cancellationToken);
            rebuild = await IndexRebuild.DropAsync(connection, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });

        try
        {
            long tickets = 0, tags = 0, comments = 0;
            SeedSearchDocuments documents = null!;
            await Phase("search vocabulary", async () => documents = await SeedSearchDocuments.LoadAsync(connection, GeneratedData.Phrases, cancellationToken));
            var copyStarted = watch.Elapsed;
            await Phase("copy", async () =>
            {
                var counts = await CopyAsync(options, data, [CopyLoader.Tickets(), CopyLoader.TicketTags(tagIds), CopyLoader.Comments(), CopyLoader.SearchDocuments(documents)], log, cancellationToken);
                (tickets, tags, comments) = (counts[0], counts[1], counts[2]);
            });
            var copy = watch.Elapsed - copyStarted;

            await Phase("indexes", () => rebuild.RestoreIndexesAsync(options.Connection, connections: 2, cancellationToken));
            await Phase("foreign keys, triggers", async () =>
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await IndexRebuild.ExecuteAsync(connection,
                    "SELECT setval(pg_get_serial_sequence('tickets', 'id'), max(id)) FROM tickets;"
                    + "SELECT setval(pg_get_serial_sequence('comments', 'id'), max(id)) FROM comments;", cancellationToken);
                await rebuild.RestoreForeignKeysAsync(connection, cancellationToken);
                await IndexRebuild.EnableTriggersAsync(connection, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
            await Phase("analyze", () => IndexRebuild.ExecuteAsync(connection, "ANALYZE", cancellationToken));
            return new SeedSummary(tickets, tags, comments, phases, copy, watch.Elapsed - loadStarted);
        }
        catch (Exception)
        {
            // Put things back even when the run was cancelled: the database must not be left without its indexes.
            await using var undo = new NpgsqlConnection(options.Connection);
            await undo.OpenAsync(CancellationToken.None);
            await rebuild.UndoAsync(undo, CancellationToken.None);
            await RemoveAsync(undo, users, newTagIds, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Generates the tickets once and streams every table's rows at once; returns each table's row count.</summary>
    private static async Task<long[]> CopyAsync(SeedOptions options, GeneratedData data, IReadOnlyList<TableRows> tables, TextWriter log, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var streams = new List<TableCopy>();
        try
        {
            foreach (var table in tables)
            {
                streams.Add(await TableCopy.OpenAsync(options.Connection, table, stop.Token));
            }

            var progress = new Progress(log, "copy", options.Tickets);
            long done = 0;
            await foreach (var batch in TicketBatches.GenerateAsync(data, options.Tickets, stop.Token))
            {
                batch.Share(streams.Count);
                foreach (var stream in streams)
                {
                    await stream.PostAsync(batch, stop.Token);
                }

                done += batch.Rows.Count;
                progress.Report(done);
            }

            var counts = await Task.WhenAll(streams.Select(s => s.CompleteAsync(stop.Token)));
            progress.Finish(done);
            return counts;
        }
        catch (Exception)
        {
            await stop.CancelAsync();
            throw;
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    private static async Task RemoveAsync(NpgsqlConnection connection, IReadOnlyList<SeedUser> users, int[] tagIds, CancellationToken cancellationToken)
    {
        await using var delete = new NpgsqlCommand(
            """
            DELETE FROM "AspNetUserRoles" WHERE user_id = ANY(@users);
            DELETE FROM "AspNetUsers" WHERE id = ANY(@users);
            DELETE FROM tags WHERE id = ANY(@tags);
            """, connection);
        delete.Parameters.AddWithValue("users", users.Select(u => u.Id).ToArray());
        delete.Parameters.AddWithValue("tags", tagIds);
        await delete.ExecuteNonQueryAsync(cancellationToken);
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

    /// <summary>The catalog's tags, reusing any that already exist: ids in catalog order, and the ids of those added.</summary>
    private static async Task<(IReadOnlyList<int> Ids, int[] Added)> TagIdsAsync(NpgsqlConnection connection, DateTime now, CancellationToken cancellationToken)
    {
        var added = new List<int>();
        foreach (var tag in GeneratedData.Tags)
        {
            await using var insert = new NpgsqlCommand(
                "INSERT INTO tags (name, color, description, created_at) SELECT @n, @c, @d, @t WHERE NOT EXISTS (SELECT 1 FROM tags WHERE name = @n) RETURNING id",
                connection);
            insert.Parameters.AddWithValue("n", tag.Name);
            insert.Parameters.AddWithValue("c", tag.Color);
            insert.Parameters.AddWithValue("d", tag.Description);
            insert.Parameters.AddWithValue("t", now.AddYears(-2));
            if (await insert.ExecuteScalarAsync(cancellationToken) is int id)
            {
                added.Add(id);
            }
        }

        var ids = await ReadMapAsync<int>(connection, "SELECT name, id FROM tags", cancellationToken);
        return ([.. GeneratedData.Tags.Select(t => ids[t.Name])], [.. added]);
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
