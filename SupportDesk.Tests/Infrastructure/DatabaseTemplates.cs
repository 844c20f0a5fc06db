using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SupportDesk.Data.Engines;

namespace SupportDesk.Tests.Infrastructure;

/// <summary>
/// Migrates one template database per engine once per run; each test then gets a cheap copy
/// (a file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL), so tests never share data.
/// </summary>
public sealed class DatabaseTemplates : IAsyncLifetime
{
    private readonly PostgresServer postgres = new();
    private const string PostgresTemplate = "supportdesk_template";
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "supportdesk-tests-" + Guid.NewGuid().ToString("N")[..8]);
    private string? sqliteTemplate;
    private bool postgresStarted;
    private bool postgresReady;

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        gate.Dispose();
        await postgres.DisposeAsync();
    }

    /// <summary>A fresh, migrated, empty database for one test.</summary>
    public async Task<DatabaseOptions> CreateAsync(DatabaseProvider provider, CancellationToken cancellationToken)
    {
        return provider switch
        {
            DatabaseProvider.Sqlite => await CreateSqliteAsync(cancellationToken),
            DatabaseProvider.Postgres => await CreatePostgresAsync(cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
    }

    public async Task DropAsync(DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource);
            return;
        }

        var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(postgres.AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private async Task<DatabaseOptions> CreateSqliteAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (sqliteTemplate is null)
            {
                var template = Path.Combine(folder, "template.db");
                await MigrateAsync(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={template};Pooling=false" }, cancellationToken);
                sqliteTemplate = template;
            }
        }
        finally
        {
            gate.Release();
        }

        var file = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".db");
        File.Copy(sqliteTemplate, file);
        return new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file}", MigrateOnStartup = false };
    }

    private async Task<DatabaseOptions> CreatePostgresAsync(CancellationToken cancellationToken)
    {
        var name = "sd_" + Guid.NewGuid().ToString("N");
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!postgresStarted)
            {
                postgresStarted = true;
                await postgres.InitializeAsync();
            }

            var admin = RequirePostgres();
            if (!postgresReady)
            {
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {PostgresTemplate} WITH (FORCE); CREATE DATABASE {PostgresTemplate}", cancellationToken);
                await MigrateAsync(PostgresOptions(admin, PostgresTemplate), cancellationToken);
                NpgsqlConnection.ClearAllPools();
                postgresReady = true;
            }

            // Copying from a template needs nobody connected to it, so copies are made one at a time.
            await ExecuteAsync(admin, $"CREATE DATABASE {name} TEMPLATE {PostgresTemplate}", cancellationToken);
            return PostgresOptions(admin, name);
        }
        finally
        {
            gate.Release();
        }
    }

    private string RequirePostgres()
    {
        if (postgres.AdminConnectionString is { } admin)
        {
            return admin;
        }

        var reason = $"PostgreSQL tests need a server: {postgres.UnavailableReason}.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(reason + " Under CI=true this is a failure, not a skip.");
        }

        Assert.Skip(reason);
        return "";
    }

    private static DatabaseOptions PostgresOptions(string admin, string database) => new()
    {
        Provider = DatabaseProvider.Postgres,
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database, Pooling = true }.ConnectionString,
        MigrateOnStartup = false,
    };

    private static async Task MigrateAsync(DatabaseOptions options, CancellationToken cancellationToken)
    {
        await using var db = TestContexts.Create(options);
        await db.Database.MigrateAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (var statement in sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await using var command = new NpgsqlCommand(statement, connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
