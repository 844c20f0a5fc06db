using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SupportDesk.Data.Engines;

namespace SupportDesk.Tests.Infrastructure;

/// <summary>The real app, hosted in-process on a given database, with demo data off unless asked for.</summary>
public sealed class SupportDeskApp(DatabaseOptions database, bool demoData = false) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("Database:ConnectionString", database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("DemoData:Enabled", demoData ? "true" : "false");
    }
}
