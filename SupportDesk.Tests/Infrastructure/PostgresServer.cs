using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SupportDesk.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster for the whole test run: started from the machine's server binaries
/// (initdb refuses root, so it runs as the postgres user), or taken from SUPPORTDESK_TEST_POSTGRES.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string ConnectionVariable = "SUPPORTDESK_TEST_POSTGRES";

    private string? folder;
    private string? binaries;

    /// <summary>Connection string to the maintenance database, or null when no server could be had.</summary>
    public string? AdminConnectionString { get; private set; }

    /// <summary>Why the PostgreSQL tests cannot run here (null when they can).</summary>
    public string? UnavailableReason { get; private set; }

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            AdminConnectionString = external;
            return;
        }

        binaries = FindBinaries();
        if (binaries is null)
        {
            UnavailableReason = "no PostgreSQL server binaries under /usr/lib/postgresql and " + ConnectionVariable + " is not set";
            return;
        }

        folder = Path.Combine(Path.GetTempPath(), "supportdesk-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var port = FreePort();
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", $"postgres:postgres {folder}");
        }

        await RunPostgresToolAsync(asRoot, "initdb", $"-D {folder}/data -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync");
        await RunPostgresToolAsync(asRoot, "pg_ctl",
            $"-D {folder}/data -l {folder}/server.log -w -o \"-p {port} -c listen_addresses=127.0.0.1 -k {folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start");
        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
    }

    public async ValueTask DisposeAsync()
    {
        if (folder is null || binaries is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await RunPostgresToolAsync(Environment.UserName == "root", "pg_ctl", $"-D {folder}/data -m immediate stop");
        Directory.Delete(folder, recursive: true);
    }

    private static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => d, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunPostgresToolAsync(bool asRoot, string tool, string arguments)
    {
        var path = Path.Combine(binaries!, tool);
        return asRoot ? RunAsync("runuser", $"-u postgres -- {path} {arguments}") : RunAsync(path, arguments);
    }

    private static async Task RunAsync(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
