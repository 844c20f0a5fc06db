using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using SupportDesk.Data.Engines;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Browser;

/// <summary>
/// One real app (Kestrel on 127.0.0.1, a free port, its own fresh SQLite file, attachments folder and keys)
/// and one headless Chromium, shared by every browser test (see <see cref="BrowserSuite"/>). Each test opens its own browser contexts.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "supportdesk-browser-" + Guid.NewGuid().ToString("N")[..8]);
    private SupportDeskApp? app;
    private WebApplicationFactory<Program>? server;
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>Why the browser tests cannot run here (null when they can).</summary>
    public string? UnavailableReason { get; private set; } = Chromium.UnavailableReason();

    /// <summary>The app's warnings and errors so far.</summary>
    public RecordedLog Log { get; } = new();

    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>The running app's services, for arranging data through the domain services.</summary>
    public IServiceProvider Services => (server ?? throw new InvalidOperationException("The app is not running.")).Services;

    public async ValueTask InitializeAsync()
    {
        if (UnavailableReason is not null)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var database = new DatabaseOptions
        {
            Provider = DatabaseProvider.Sqlite,
            ConnectionString = $"Data Source={Path.Combine(folder, "supportdesk.db")}",
        };
        app = new SupportDeskApp(database, new Dictionary<string, string>
        {
            ["Attachments:Storage"] = "Folder",
            ["Attachments:Folder"] = Path.Combine(folder, "attachments"),
            ["DataProtection:KeysFolder"] = Path.Combine(folder, "keys"),
        });
        // Outside Development the app serves only published assets; a test run has MudBlazor's and the
        // framework's scripts where the build left them, which the static web assets manifest points to.
        server = app.WithWebHostBuilder(web => web.UseStaticWebAssets().ConfigureLogging(logging => logging.AddProvider(Log)));
        server.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        server.StartServer();
        var addresses = server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        BaseAddress = new Uri(addresses.Addresses.Single());

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(Chromium.LaunchOptions());
    }

    /// <summary>A fresh browser context (its own cookies and storage) with one page on the app.</summary>
    public async Task<IPage> NewPageAsync()
    {
        if (UnavailableReason is not null)
        {
            Chromium.SkipOrFail(UnavailableReason);
        }

        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
