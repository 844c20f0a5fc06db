using System.Globalization;

namespace SupportDesk.Benchmarks.Seeding;

/// <summary>What the <c>seed</c> command fills: small by default, so a first run takes seconds.</summary>
public sealed record SeedOptions(string Connection, int Tickets = 10_000, int Customers = 2_000, int Agents = 20, int Seed = 42)
{
    public const string Usage =
        "usage: seed --connection \"Host=...;Username=...;Database=...\" [--tickets 10000] [--customers 2000] [--agents 20] [--seed 42]";

    /// <summary>The options after the command name, or an error message.</summary>
    public static (SeedOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var (values, error) = CommandLine.Pairs(args);
        if (values is null)
        {
            return (null, error);
        }

        var options = new SeedOptions(values.GetValueOrDefault("connection") ?? "");
        foreach (var (name, value) in values)
        {
            if (name == "connection")
            {
                continue;
            }

            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                return (null, $"--{name} must be a positive whole number, not '{value}'");
            }

            options = name switch
            {
                "tickets" => options with { Tickets = number },
                "customers" => options with { Customers = number },
                "agents" => options with { Agents = number },
                "seed" => options with { Seed = number },
                _ => null!,
            };
            if (options is null)
            {
                return (null, $"unknown option --{name}");
            }
        }

        return string.IsNullOrWhiteSpace(options.Connection) ? (null, "--connection is required") : (options, null);
    }
}
