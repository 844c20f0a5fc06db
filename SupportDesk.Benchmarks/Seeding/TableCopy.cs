using System.Threading.Channels;
using Npgsql;

namespace SupportDesk.Benchmarks.Seeding;

/// <summary>
/// One table's COPY on a connection and a thread of its own, fed the same generated batches as the other tables,
/// so the backends share the server's cores and the tickets are generated once. The table is truncated in the
/// COPY's transaction, which lets COPY write frozen rows and, under <c>wal_level=minimal</c>, skip the WAL.
/// </summary>
public sealed class TableCopy : IAsyncDisposable
{
    private readonly Channel<TicketBatches.Batch> batches = Channel.CreateBounded<TicketBatches.Batch>(
        new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;
    private readonly NpgsqlRawCopyStream copy;
    private readonly CopyRowWriter writer;
    private readonly Task<long> writing;
    private bool ended;

    private TableCopy(NpgsqlConnection connection, NpgsqlTransaction transaction, NpgsqlRawCopyStream copy, TableRows rows, CancellationToken cancellationToken)
    {
        this.connection = connection;
        this.transaction = transaction;
        this.copy = copy;
        writer = new CopyRowWriter(copy);
        // A thread of its own rather than the pool's: it blocks on the socket most of the time, and blocked pool
        // threads make the pool add more, whose idle spinning takes CPU from the server on a small machine.
        writing = Task.Factory.StartNew(() => WriteAll(rows, cancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public static async Task<TableCopy> OpenAsync(string connectionString, TableRows rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        // Larger writes than the default 8 kB: a COPY of a million tickets is over a gigabyte, and each write is a system call.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { WriteBufferSize = 64 * 1024 }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // The server writes the table's pages out as it goes: under wal_level=minimal the commit flushes every page
            // still dirty, and leaving gigabytes for then made it a fifth of the load.
            await IndexRebuild.ExecuteAsync(connection, $"SET backend_flush_after = '2MB'; TRUNCATE {rows.Table}", cancellationToken);
            var copy = await connection.BeginRawBinaryCopyAsync(rows.CopySql, cancellationToken);
            // No timeout: a write blocks for as long as the server is busy with what came before it.
            copy.WriteTimeout = 0;
            copy.ReadTimeout = 0;
            return new TableCopy(connection, transaction, copy, rows, cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Queues a batch; the stream releases it once written. Throws what stopped the stream, if it stopped.</summary>
    public async ValueTask PostAsync(TicketBatches.Batch batch, CancellationToken cancellationToken)
    {
        try
        {
            await batches.Writer.WriteAsync(batch, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            await writing;
            throw;
        }
    }

    /// <summary>Waits for the queued batches, ends the COPY and commits; returns the rows written.</summary>
    public async Task<long> CompleteAsync(CancellationToken cancellationToken)
    {
        batches.Writer.TryComplete();
        var rows = await writing;
        await writer.CompleteAsync(cancellationToken);

        // Disposing the stream sends CopyDone and waits for the server to accept the rows.
        ended = true;
        await copy.DisposeAsync();
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        batches.Writer.TryComplete();
        try
        {
            await writing;
        }
        catch (Exception)
        {
            // Whatever stopped the stream has been reported through PostAsync or CompleteAsync.
        }

        if (!ended)
        {
            // CopyFail: disposing would send CopyDone and have the server take the half-written data for the table.
            try
            {
                await copy.CancelAsync();
            }
            catch (ObjectDisposedException)
            {
                // The COPY already ended with its broken connection; the server drops it with the transaction.
            }
        }

        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }

    // Synchronous writes on a thread of its own: the writer buffers rows and blocks only when the server falls
    // behind, which is when this thread should wait anyway.
    private long WriteAll(TableRows rows, CancellationToken cancellationToken)
    {
        long written = 0;
        try
        {
            while (batches.Reader.WaitToReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
            {
                while (batches.Reader.TryRead(out var batch))
                {
                    try
                    {
                        foreach (var row in batch.Rows)
                        {
                            written += rows.Write(writer, row);
                        }
                    }
                    finally
                    {
                        batch.Release();
                    }
                }
            }

            return written;
        }
        catch (Exception ex)
        {
            // The generator stops feeding a stream that failed: its next PostAsync throws this.
            batches.Writer.TryComplete(ex);
            throw;
        }
    }
}
