using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data;
using SupportDesk.Data.Demo;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Sla;
using SupportDesk.Data.Users;

namespace SupportDesk.Web.Hosting;

/// <summary>
/// Runs before the server accepts requests: migrates, makes sure the roles and a first admin exist,
/// seeds demo data when switched on, and gives tickets older than SLA policies their due times.
/// </summary>
internal sealed class DatabaseStartup(IServiceScopeFactory scopes, IConfiguration configuration) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<DatabaseMigrator>().PrepareAsync(cancellationToken);
        await RoleSetup.EnsureAllAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
        await EnsureFirstAdminAsync(services, cancellationToken);

        if (configuration.GetValue("DemoData:Enabled", false))
        {
            await services.GetRequiredService<DemoData>().SeedAsync(cancellationToken);
        }

        await services.GetRequiredService<SlaBackfill>().RunAsync(cancellationToken);
    }

    private async Task EnsureFirstAdminAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var email = configuration["Admin:Email"];
        var password = configuration["Admin:Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return;
        }

        var db = services.GetRequiredService<SupportDbContext>();
        if (await db.Users.InRole(db, Roles.Admin).AnyAsync(cancellationToken))
        {
            return;
        }

        var account = new NewAccount(email, configuration["Admin:FullName"] ?? "Administrator", password, Roles.Admin);
        var result = await services.GetRequiredService<UserAccounts>().CreateAsync(account, cancellationToken);
        if (!result.Succeeded)
        {
            throw new StartupException("the first admin from the settings Admin:Email and Admin:Password could not be created: "
                + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
