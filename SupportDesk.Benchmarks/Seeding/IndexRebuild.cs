using System.Collections.Concurrent;
using Npgsql;

namespace SupportDesk.Benchmarks.Seeding;

/// <summary>
/// Takes the load's brakes off and puts them back: every index, primary keys included (COPY into a GIN-indexed
/// table is about 70x slower than building the index afterwards, btree indexes on random keys such as user ids
/// cost most of the rest, and even the keys' in-order inserts cost more than sorting 8 million keys once), per-row foreign-key checks (those of the loaded tables and those pointing
/// at them, so the tables can be truncated) and the search triggers (the seeder writes the documents itself). Definitions are read from the catalog before dropping, so
/// exactly what the migrations created comes back.
/// </summary>
public sealed class IndexRebuild
{
    private static readonly string[] LoadedTables = ["tickets", "comments", "ticket_tags", "ticket_search_documents"];
    private static readonly string[] TriggerTables = ["tickets", "comments"];
    private readonly List<string> indexes = [];
    private readonly List<(string Table, string Name, string Definition)> keys = [];
    private readonly List<(string Table, string Name, string Definition)> foreignKeys = [];

    public static async Task<IndexRebuild> DropAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var rebuild = new IndexRebuild();
        await using (var read = new NpgsqlCommand(
            """
            SELECT i.indexdef FROM pg_indexes i
            WHERE i.schemaname = current_schema() AND i.tablename = ANY(@t)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
            ORDER BY i.indexname
            """, connection))
        {
            read.Parameters.AddWithValue("t", LoadedTables);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rebuild.indexes.Add(reader.GetString(0));
            }
        }

        await using (var read = new NpgsqlCommand(
            """
            SELECT c.conrelid::regclass::text, quote_ident(c.conname), pg_get_constraintdef(c.oid)
            FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
            JOIN pg_class r ON r.oid = c.confrelid
            WHERE c.contype = 'f' AND t.relnamespace = current_schema()::regnamespace AND (t.relname = ANY(@t) OR r.relname = ANY(@t))
            ORDER BY 1, 2
            """, connection))
        {
            read.Parameters.AddWithValue("t", LoadedTables);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rebuild.foreignKeys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        await using (var read = new NpgsqlCommand(
            """
            SELECT c.conrelid::regclass::text, quote_ident(c.conname), pg_get_constraintdef(c.oid)
            FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
            WHERE c.contype IN ('p', 'u') AND t.relnamespace = current_schema()::regnamespace AND t.relname = ANY(@t)
            ORDER BY 1, 2
            """, connection))
        {
            read.Parameters.AddWithValue("t", LoadedTables);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rebuild.keys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        // Foreign keys first: some of them lean on the keys' indexes.
        foreach (var (table, name, _) in rebuild.foreignKeys.Concat(rebuild.keys))
        {
            await ExecuteAsync(connection, $"ALTER TABLE {table} DROP CONSTRAINT {name}", cancellationToken);
        }

        await ExecuteAsync(connection, string.Concat(rebuild.indexes.Select(d => $"DROP INDEX {IndexName(d)};")), cancellationToken);
        await ExecuteAsync(connection, string.Concat(TriggerTables.Select(t => $"ALTER TABLE {t} DISABLE TRIGGER USER;")), cancellationToken);
        return rebuild;
    }

    /// <summary>
    /// Builds the indexes and keys on <paramref name="connections"/> connections at once, the GIN indexes (the slow
    /// ones, which PostgreSQL 15 builds with one process) first. Each is new in its own transaction, so it skips
    /// the WAL under wal_level=minimal. Two statements on one table wait for each other; they never deadlock.
    /// </summary>
    public async Task RestoreIndexesAsync(string connectionString, int connections, CancellationToken cancellationToken)
    {
        var gin = indexes.Where(d => d.Contains(" USING gin ", StringComparison.Ordinal)).ToList();
        var queue = new ConcurrentQueue<string>([.. gin, .. AddKeys(), .. indexes.Except(gin)]);
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, "SET maintenance_work_mem = '1GB'", cancellationToken);
            while (queue.TryDequeue(out var definition))
            {
                await ExecuteAsync(connection, definition, cancellationToken);
            }
        }));
    }

    /// <summary>After a failed load: empties the loaded tables and puts back whatever of the schema is still missing, in one transaction.</summary>
    public async Task UndoAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"TRUNCATE {string.Join(", ", LoadedTables)}", cancellationToken);
        await ExecuteAsync(connection, string.Concat(indexes.Select(d => $"DROP INDEX IF EXISTS {IndexName(d)};")), cancellationToken);
        await ExecuteAsync(connection, string.Concat(foreignKeys.Concat(keys).Select(f => $"ALTER TABLE {f.Table} DROP CONSTRAINT IF EXISTS {f.Name};")), cancellationToken);
        foreach (var definition in AddKeys().Concat(indexes))
        {
            await ExecuteAsync(connection, definition, cancellationToken);
        }

        await RestoreForeignKeysAsync(connection, cancellationToken);
        await EnableTriggersAsync(connection, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Each constraint is checked once, set-based, as it is added back.</summary>
    public async Task RestoreForeignKeysAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        foreach (var (table, name, definition) in foreignKeys)
        {
            await ExecuteAsync(connection, $"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}", cancellationToken);
        }
    }

    private IEnumerable<string> AddKeys() => keys.Select(k => $"ALTER TABLE {k.Table} ADD CONSTRAINT {k.Name} {k.Definition}");

    public static Task EnableTriggersAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, string.Concat(TriggerTables.Select(t => $"ALTER TABLE {t} ENABLE TRIGGER USER;")), cancellationToken);

    internal static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        if (sql.Length == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // pg_indexes.indexdef reads "CREATE [UNIQUE] INDEX name ON ...".
    private static string IndexName(string definition)
    {
        var words = definition.Split(' ');
        return words[Array.IndexOf(words, "INDEX") + 1];
    }
}
