using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace SupportDesk.Benchmarks.Seeding;

/// <summary>
/// Generated tickets in batches, made on a thread of their own a few batches ahead of the readers. Batches, their
/// rows and the rows' lists are recycled, so a pass over a million tickets allocates a handful of them.
/// </summary>
public static class TicketBatches
{
    private const int Size = 1024;
    private const int Ahead = 4;

    // Batches the table streams may still be writing while the generator works ahead: two queued and one in hand.
    private const int Spare = 4;

    public sealed class Batch
    {
        private readonly TicketRow[] rows = [.. Enumerable.Range(0, Size).Select(_ => new TicketRow())];
        private readonly ChannelWriter<Batch> free;
        private int count;
        private int readers;

        internal Batch(ChannelWriter<Batch> free) => this.free = free;

        public ArraySegment<TicketRow> Rows => new(rows, 0, count);

        /// <summary>Hands the batch to <paramref name="count"/> readers, each of which must <see cref="Release"/> it.</summary>
        public void Share(int count) => readers = count;

        /// <summary>Once every reader has released it, the generator may refill the batch; its rows must not be read afterwards.</summary>
        public void Release()
        {
            if (Interlocked.Decrement(ref readers) == 0)
            {
                free.TryWrite(this);
            }
        }

        internal void Fill(GeneratedData data, long first, int size)
        {
            for (var i = 0; i < size; i++)
            {
                data.Fill(first + i, rows[i]);
            }

            count = size;
        }
    }

    public static async IAsyncEnumerable<Batch> GenerateAsync(GeneratedData data, long tickets, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var full = Channel.CreateBounded<Batch>(new BoundedChannelOptions(Ahead) { SingleReader = true, SingleWriter = true });
        var free = Channel.CreateUnbounded<Batch>();
        for (var i = 0; i < Ahead + Spare; i++)
        {
            free.Writer.TryWrite(new Batch(free.Writer));
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(async () =>
        {
            try
            {
                for (long first = 1; first <= tickets; first += Size)
                {
                    var batch = await free.Reader.ReadAsync(stop.Token);
                    batch.Fill(data, first, (int)Math.Min(Size, tickets - first + 1));
                    await full.Writer.WriteAsync(batch, stop.Token);
                }

                full.Writer.Complete();
            }
            catch (Exception ex)
            {
                // The reader sees the failure (or the cancellation) as the end of its channel.
                full.Writer.Complete(ex);
            }
        }, CancellationToken.None);

        try
        {
            await foreach (var batch in full.Reader.ReadAllAsync(cancellationToken))
            {
                yield return batch;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await producer;
        }
    }
}
