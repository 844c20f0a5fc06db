namespace SupportDesk.Benchmarks;

/// <summary>The commands' shared argument shape: <c>--name value</c> pairs.</summary>
internal static class CommandLine
{
    /// <summary>The pairs by name, or an error message.</summary>
    public static (Dictionary<string, string>? Values, string? Error) Pairs(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                return (null, $"expected --name value at '{args[i]}'");
            }

            values[args[i][2..]] = args[i + 1];
        }

        return (values, null);
    }
}
