using System.Diagnostics;
using System.Runtime;

namespace SupportDesk.Benchmarks.Measuring;

/// <summary>Wall-clock times of repeated runs of one question, in milliseconds.</summary>
public sealed class Samples
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(30);
    private readonly List<double> milliseconds = [];

    public int Count => milliseconds.Count;

    /// <summary>
    /// Runs <paramref name="work"/> at least <paramref name="warmups"/> times untimed, and on until the JIT has been
    /// quiet for <see cref="Quiet"/> (or <see cref="MaxWarmUp"/> has passed); then <paramref name="runs"/> times timed.
    /// </summary>
    /// <remarks>
    /// The app is measured as it runs for days: fully compiled. Tiered compilation keeps recompiling EF's and
    /// Npgsql's hot methods in the background for seconds after a question first runs, and on two cores that work
    /// would be measured as the question's own.
    /// </remarks>
    public static async Task<Samples> TakeAsync(int warmups, int runs, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        var warming = Stopwatch.StartNew();
        var compiled = JitInfo.GetCompiledMethodCount();
        var quietSince = TimeSpan.Zero;
        for (var i = 0; i < warmups || (warming.Elapsed - quietSince < Quiet && warming.Elapsed < MaxWarmUp); i++)
        {
            await work(cancellationToken);
            if (JitInfo.GetCompiledMethodCount() is var now && now != compiled)
            {
                (compiled, quietSince) = (now, warming.Elapsed);
            }
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
