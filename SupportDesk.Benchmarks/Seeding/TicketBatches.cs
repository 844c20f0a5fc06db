using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace SupportDesk.Benchmarks.Seeding;

/// <summary>
/// Generated tickets in batches, made on a thread of their own a few batches ahead of the reader. Batches, their
/// rows and the rows' lists are recycled, so a pass over a million tickets allocates a handful of them.
/// </summary>
public static class TicketBatches
{
    private const int Size = 1024;
    private const int Ahead = 4;

    public sealed class Batch
    {
        private readonly TicketRow[] rows = [.. Enumerable.Range(0, Size).Select(_ => new TicketRow())];
        private readonly ChannelWriter<Batch> free;
        private int count;

        internal Batch(ChannelWriter<Batch> free) => this.free = free;

        public ArraySegment<TicketRow> Rows => new(rows, 0, count);

        /// <summary>Hands the batch back for the generator to refill; its rows must not be read afterwards.</summary>
        public void Recycle() => free.TryWrite(this);

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
        for (var i = 0; i < Ahead + 2; i++)
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
