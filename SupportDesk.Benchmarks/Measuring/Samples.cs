using System.Diagnostics;

namespace SupportDesk.Benchmarks.Measuring;

/// <summary>Wall-clock times of repeated runs of one question, in milliseconds.</summary>
public sealed class Samples
{
    private readonly List<double> milliseconds = [];

    public int Count => milliseconds.Count;

    /// <summary>Runs <paramref name="work"/> <paramref name="warmups"/> times untimed, then <paramref name="runs"/> times timed.</summary>
    public static async Task<Samples> TakeAsync(int warmups, int runs, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        for (var i = 0; i < warmups; i++)
        {
            await work(cancellationToken);
        }

        var samples = new Samples();
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await work(cancellationToken);
            samples.milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return samples;
    }

    /// <summary>The nearest-rank percentile: a time some run really took, never an interpolation.</summary>
    public double Percentile(int percent)
    {
        var sorted = milliseconds.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
