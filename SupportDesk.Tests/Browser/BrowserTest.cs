using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace SupportDesk.Tests.Browser;

/// <summary>
/// A browser test: fresh browser contexts on the app every browser test shares, a screenshot of each main page it
/// looks at, and, when it fails, the screenshot and HTML of every page it still has open and
/// what the browser's console and the server's log said.
/// </summary>
[Collection(BrowserSuite.Name)]
public abstract class BrowserTest(BrowserApp app) : IAsyncLifetime
{
    private readonly List<IPage> pages = [];
    private readonly List<string> console = [];
    private int shots;

    protected BrowserApp App => app;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>A new browser context (a separate person, with no cookies) showing a blank page.</summary>
    protected async Task<IPage> NewPageAsync()
    {
        var page = await app.NewPageAsync();
        var name = $"page{pages.Count + 1}";
        page.Console += (_, message) => console.Add($"{name} {message.Type}: {message.Text}");
        page.PageError += (_, error) => console.Add($"{name} error: {error}");
        pages.Add(page);
        return page;
    }

    /// <summary>Saves what <paramref name="page"/> shows now as TestResults/screenshots/&lt;test&gt;-&lt;n&gt;-&lt;name&gt;.png.</summary>
    protected async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var file = Path.Combine(Artifacts.Screenshots, $"{Artifacts.TestStem()}-{++shots:00}-{Artifacts.Safe(name)}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (TestContext.Current.TestState?.Result == TestResult.Failed)
        {
            await SaveFailureAsync();
        }

        foreach (var page in pages)
        {
            await page.Context.CloseAsync();
        }

        GC.SuppressFinalize(this);
    }

    private async Task SaveFailureAsync()
    {
        var stem = Path.Combine(Artifacts.Failures, Artifacts.TestStem());
        await File.WriteAllLinesAsync($"{stem}-console.txt", console);
        await File.WriteAllLinesAsync($"{stem}-server.txt", app.Log.Entries
            .Where(e => e.Level >= LogLevel.Warning).Select(e => $"{e.Level} {e.Category}: {e.Message} {e.Exception}"));
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            if (page.IsClosed)
            {
                continue;
            }

            try
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = $"{stem}-page{i + 1}.png", FullPage = true, Timeout = 5_000 });
                await File.WriteAllTextAsync($"{stem}-page{i + 1}.html", $"<!-- {page.Url} -->\n" + await page.ContentAsync());
            }
            catch (PlaywrightException ex)
            {
                // The failure itself matters more than its pictures: note why they are missing and go on.
                await File.WriteAllTextAsync($"{stem}-page{i + 1}.txt", $"{page.Url}\n{ex.Message}");
            }
        }
    }
}
