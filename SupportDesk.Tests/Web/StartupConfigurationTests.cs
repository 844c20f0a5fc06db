using System.Diagnostics;

namespace SupportDesk.Tests.Web;

/// <summary>Starts the built app as a real process, the way an operator would, with a bad setting.</summary>
public sealed class StartupConfigurationTests
{
    [Fact]
    public async Task An_unknown_database_provider_stops_start_up_naming_the_setting()
    {
        var (exitCode, error) = await RunAppAsync(("Database__Provider", "Oracle"));

        Assert.Equal(1, exitCode);
        Assert.Equal("SupportDesk cannot start: the setting Database:Provider is 'Oracle'; use 'Sqlite' or 'Postgres'.", error.Trim());
    }

    [Fact]
    public async Task An_unreachable_postgres_server_stops_start_up_naming_the_setting()
    {
        var (exitCode, error) = await RunAppAsync(
            ("Database__Provider", "Postgres"),
            ("Database__ConnectionString", "Host=127.0.0.1;Port=1;Username=postgres;Timeout=3"));

        Assert.Equal(1, exitCode);
        Assert.StartsWith("SupportDesk cannot start: the Postgres database named by the setting Database:ConnectionString could not be reached", error.Trim(), StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_stops_start_up_naming_the_setting()
    {
        var (exitCode, error) = await RunAppAsync(("Database__Provider", "Postgres"));

        Assert.Equal(1, exitCode);
        Assert.Contains("Database:ConnectionString is required", error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Error)> RunAppAsync(params (string Name, string Value)[] settings)
    {
        var contentRoot = Directory.CreateTempSubdirectory("supportdesk-start-");
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { Path.Combine(AppContext.BaseDirectory, "SupportDesk.Web.dll"), "--urls", "http://127.0.0.1:0", "--contentRoot", contentRoot.FullName },
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["Logging__LogLevel__Default"] = "None";
            foreach (var (name, value) in settings)
            {
                start.Environment[name] = value;
            }

            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            _ = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("the app kept running although its configuration is bad");
            }

            return (process.ExitCode, await error);
        }
        finally
        {
            contentRoot.Delete(recursive: true);
        }
    }
}
