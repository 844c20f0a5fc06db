using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SupportDesk.Tests.Browser;

/// <summary>
/// axe-core (bundled with Deque.AxeCore.Playwright, injected into the page) and how its findings are told:
/// each violation with its rule, impact, help text and the selectors of the elements at fault.
/// </summary>
public static class Axe
{
    /// <summary>The impacts that fail a page; moderate and minor findings are only reported.</summary>
    private static readonly HashSet<string> Blocking = ["serious", "critical"];

    private static readonly AxeRunOptions Options = new() { ResultTypes = [ResultType.Violations] };

    /// <summary>Runs axe on what <paramref name="page"/> shows now and returns its violations, blocking ones first.</summary>
    public static async Task<IReadOnlyList<AxeFinding>> CheckAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe(Options);
        return [.. result.Violations
            .Select(v => new AxeFinding(v, Blocking.Contains(v.Impact ?? "")))
            .OrderByDescending(f => f.Blocks)];
    }
}

/// <summary>One rule axe found broken, and whether it fails the page.</summary>
public sealed record AxeFinding(AxeResultItem Violation, bool Blocks)
{
    public override string ToString()
    {
        var nodes = Violation.Nodes.Select(n => $"    {n.Target}: {Explain(n)}");
        return $"  {Violation.Id} ({Violation.Impact}): {Violation.Help} <{Violation.HelpUrl}>\n{string.Join('\n', nodes)}";
    }

    /// <summary>axe's own words for why the node fails (for contrast: the colours and the ratio).</summary>
    private static string Explain(AxeResultNode node) =>
        string.Join("; ", new[] { node.Any, node.All, node.None }
            .SelectMany(checks => checks ?? [])
            .Select(check => check.Message)
            .Where(message => !string.IsNullOrEmpty(message))
            .Distinct());
}
