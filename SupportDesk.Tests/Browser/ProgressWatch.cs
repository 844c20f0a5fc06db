using Microsoft.Playwright;

namespace SupportDesk.Tests.Browser;

/// <summary>
/// Proves that an operation showed progress while it ran, however briefly: a MutationObserver notes whether an
/// element matching the selector was ever put on the page, so a fast operation cannot slip past a polling assertion.
/// </summary>
public static class ProgressWatch
{
    private const string Watch = """
        selector => {
            window.supportDeskSawProgress = false;
            new MutationObserver(records => {
                if (records.some(r => [...r.addedNodes].some(n => n.nodeType === 1 && (n.matches(selector) || n.querySelector(selector))))) {
                    window.supportDeskSawProgress = true;
                }
            }).observe(document.body, { childList: true, subtree: true });
        }
        """;

    /// <summary>Starts watching for <paramref name="selector"/>; call just before the click that starts the operation.</summary>
    public static async Task WatchProgressAsync(this IPage page, string selector)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.EvaluateAsync(Watch, selector);
    }

    /// <summary>Whether the watched progress element appeared since <see cref="WatchProgressAsync"/>.</summary>
    public static async Task<bool> SawProgressAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return await page.EvaluateAsync<bool>("() => window.supportDeskSawProgress === true");
    }
}
