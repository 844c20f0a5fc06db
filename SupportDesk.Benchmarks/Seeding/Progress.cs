using System.Diagnostics;

namespace SupportDesk.Benchmarks.Seeding;

/// <summary>A one-line progress bar on stderr, redrawn at most four times a second.</summary>
public sealed class Progress(TextWriter output, string phase, long total)
{
    private const int Width = 30;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private long lastDrawn = -1000;

    public TimeSpan Elapsed => clock.Elapsed;

    public void Report(long done)
    {
        var ms = clock.ElapsedMilliseconds;
        if (ms - lastDrawn >= 250 || done == total)
        {
            lastDrawn = ms;
            Draw(done);
        }
    }

    public void Finish(long done)
    {
        Draw(done);
        output.WriteLine();
    }

    private void Draw(long done)
    {
        var share = total == 0 ? 1 : Math.Min(1, (double)done / total);
        var filled = (int)(share * Width);
        var rate = done / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        output.Write($"\r{phase,-14} [{new string('#', filled)}{new string('.', Width - filled)}] {share,4:P0} {done,10:N0}/{total:N0} {rate,10:N0} tickets/s");
    }
}
