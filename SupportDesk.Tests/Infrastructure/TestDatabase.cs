using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportDesk.Data;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Users;

namespace SupportDesk.Tests.Infrastructure;

/// <summary>
/// One test's own database on one engine, with its roles, the data layer wired as the app wires it and a
/// fake clock. Dispose drops the database.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>The fake clock starts here: a Wednesday, so week and weekend edges are a few days away.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 4, 9, 30, 0, TimeSpan.Zero);

    private readonly DatabaseTemplates templates;
    private readonly ServiceProvider services;

    private TestDatabase(DatabaseTemplates templates, DatabaseOptions options, IReadOnlyList<IInterceptor> interceptors, ServiceProvider services, FakeTimeProvider clock)
    {
        this.templates = templates;
        Options = options;
        Interceptors = interceptors;
        this.services = services;
        Clock = clock;
    }

    public DatabaseOptions Options { get; }

    /// <summary>Extra EF interceptors on every context of this database, the component host's too (e.g. to count or break commands).</summary>
    public IReadOnlyList<IInterceptor> Interceptors { get; }
    public FakeTimeProvider Clock { get; }
    public IServiceProvider Services => services;

    public static async Task<TestDatabase> CreateAsync(DatabaseTemplates templates, DatabaseProvider provider, params IReadOnlyList<IInterceptor> interceptors)
    {
        ArgumentNullException.ThrowIfNull(templates);
        var options = await templates.CreateAsync(provider, TestContext.Current.CancellationToken);
        var clock = new FakeTimeProvider(Start);
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddSupportDeskData(options);
        collection.AddSupportDeskIdentityCore();
        collection.AddInterceptors(interceptors);
        var database = new TestDatabase(templates, options, interceptors, collection.BuildServiceProvider(), clock);

        // The app creates the roles before anything else happens; so does every test database.
        await using var scope = database.services.CreateAsyncScope();
        await RoleSetup.EnsureAllAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        return database;
    }

    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    /// <summary>A context for arranging and checking data, separate from the ones services open.</summary>
    public Task<SupportDbContext> ContextAsync() =>
        Get<IDbContextFactory<SupportDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);

    /// <summary>Runs <paramref name="work"/> in its own DI scope (for scoped services such as Identity's).</summary>
    public async Task<TResult> InScopeAsync<TResult>(Func<IServiceProvider, Task<TResult>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await templates.DropAsync(Options);
    }
}
