using SupportDesk.Data;
using SupportDesk.Data.Engines;

namespace SupportDesk.Web.Hosting;

public static class DatabaseSetup
{
    /// <summary>Reads and checks the <c>Database</c> section, then registers the data layer and its health check.</summary>
    public static WebApplicationBuilder AddSupportDeskDatabase(this WebApplicationBuilder builder)
    {
        var database = ReadOptions(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSupportDeskData(database);
        builder.Services.AddHealthChecks().AddDbContextCheck<SupportDbContext>("database");
        builder.Services.AddHostedService<DatabaseStartup>();
        return builder;
    }

    internal static DatabaseOptions ReadOptions(IConfiguration configuration, string contentRoot)
    {
        var section = configuration.GetSection(DatabaseOptions.Section);
        var providerText = section["Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            throw new StartupException($"the setting Database:Provider is '{providerText}'; use 'Sqlite' or 'Postgres'.");
        }

        var connectionString = section["ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? $"Data Source={Path.Combine(contentRoot, "data", "supportdesk.db")}"
                : throw new StartupException("the setting Database:ConnectionString is required when Database:Provider is Postgres.");
        }

        var migrateText = section["MigrateOnStartup"];
        var migrate = true;
        if (!string.IsNullOrWhiteSpace(migrateText) && !bool.TryParse(migrateText, out migrate))
        {
            throw new StartupException($"the setting Database:MigrateOnStartup is '{migrateText}'; use 'true' or 'false'.");
        }

        return new DatabaseOptions { Provider = provider, ConnectionString = connectionString, MigrateOnStartup = migrate };
    }
}
