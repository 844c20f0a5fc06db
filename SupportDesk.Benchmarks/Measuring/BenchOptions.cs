using System.Globalization;

namespace SupportDesk.Benchmarks.Measuring;

/// <summary>What the <c>bench</c> command measures: how many timed runs per question, after how many warm-ups.</summary>
public sealed record BenchOptions(string Connection, int Runs = 50, int NaiveRuns = 10, int BulkRuns = 5, int Warmups = 3, string? Only = null)
{
    public const string Usage =
        "usage: bench --connection \"Host=...;Username=...;Database=...\" [--runs 50] [--naive-runs 10] [--bulk-runs 5] [--warmups 3] [--only \"part of a question's name\"]";

    /// <summary>The options after the command name, or an error message.</summary>
    public static (BenchOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var (values, error) = CommandLine.Pairs(args);
        if (values is null)
        {
            return (null, error);
        }

        var options = new BenchOptions(values.GetValueOrDefault("connection") ?? "");
        if (values.GetValueOrDefault("only") is { } only)
        {
            options = options with { Only = only };
        }

        foreach (var (name, value) in values.Where(v => v.Key is not "connection" and not "only"))
        {
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                return (null, $"--{name} must be a positive whole number, not '{value}'");
            }

            BenchOptions? changed = name switch
            {
                "runs" => options with { Runs = number },
                "naive-runs" => options with { NaiveRuns = number },
                "bulk-runs" => options with { BulkRuns = number },
                "warmups" => options with { Warmups = number },
                _ => null,
            };
            if (changed is null)
            {
                return (null, $"unknown option --{name}");
            }

            options = changed;
        }

        return string.IsNullOrWhiteSpace(options.Connection) ? (null, "--connection is required") : (options, null);
    }
}
