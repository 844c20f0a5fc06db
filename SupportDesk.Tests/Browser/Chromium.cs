using Microsoft.Playwright;

namespace SupportDesk.Tests.Browser;

/// <summary>The machine's Chromium (Debian's package), which Playwright drives instead of a browser it would download.</summary>
public static class Chromium
{
    /// <summary>Points the tests at another Chromium build.</summary>
    public const string PathVariable = "SUPPORTDESK_TEST_CHROMIUM";

    private static string ExecutablePath =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string? UnavailableReason() =>
        File.Exists(ExecutablePath) ? null : $"no Chromium at {ExecutablePath} (apt-get install chromium, or set {PathVariable})";

    public static BrowserTypeLaunchOptions LaunchOptions() => new()
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run",
        ],
    };

    /// <summary>Skips the test with the reason, except under CI=true, where a missing browser is a failure.</summary>
    public static void SkipOrFail(string reason)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Browser tests cannot run: {reason}. Under CI=true this is a failure, not a skip.");
        }

        Assert.Skip($"Browser tests cannot run: {reason}.");
    }
}
