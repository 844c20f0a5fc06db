using SupportDesk.Benchmarks.Seeding;

namespace SupportDesk.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project SupportDesk.Benchmarks -- seed --connection "Host=...;Username=...;Database=..." [--tickets N]</c>.
/// A named class rather than top-level statements, so the tests can reference this project and the web app's <c>Program</c> side by side.
/// </summary>
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] != "seed")
        {
            Console.Error.WriteLine(SeedOptions.Usage);
            return 2;
        }

        var (options, error) = SeedOptions.Parse(args[1..]);
        if (options is null)
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(SeedOptions.Usage);
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        try
        {
            var summary = await Seeder.RunAsync(options, Console.Error, TimeProvider.System, cancel.Token);
            Console.WriteLine(summary);
            return 0;
        }
        catch (SeedRefusedException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }
}
