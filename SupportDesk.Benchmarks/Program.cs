using SupportDesk.Benchmarks.Measuring;
using SupportDesk.Benchmarks.Seeding;

namespace SupportDesk.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project SupportDesk.Benchmarks -- seed|bench --connection "Host=...;Username=...;Database=..."</c>.
/// A named class rather than top-level statements, so the tests can reference this project and the web app's <c>Program</c> side by side.
/// </summary>
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        return args.FirstOrDefault() switch
        {
            "seed" => await SeedAsync(args[1..], cancel.Token),
            "bench" => await BenchAsync(args[1..], cancel.Token),
            _ => Usage(SeedOptions.Usage + Environment.NewLine + BenchOptions.Usage),
        };
    }

    private static async Task<int> SeedAsync(string[] args, CancellationToken cancellationToken)
    {
        var (options, error) = SeedOptions.Parse(args);
        if (options is null)
        {
            return Usage(error + Environment.NewLine + SeedOptions.Usage);
        }

        try
        {
            Console.WriteLine(await Seeder.RunAsync(options, Console.Error, TimeProvider.System, cancellationToken));
            return 0;
        }
        catch (SeedRefusedException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }

    private static async Task<int> BenchAsync(string[] args, CancellationToken cancellationToken)
    {
        var (options, error) = BenchOptions.Parse(args);
        if (options is null)
        {
            return Usage(error + Environment.NewLine + BenchOptions.Usage);
        }

        try
        {
            Console.WriteLine(await Benchmark.RunAsync(options, Console.Error, cancellationToken));
            return 0;
        }
        catch (BenchRefusedException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
