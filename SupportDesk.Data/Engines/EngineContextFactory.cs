using Microsoft.EntityFrameworkCore;

namespace SupportDesk.Data.Engines;

/// <summary>Hands out the configured engine's pooled contexts as the engine-neutral <see cref="SupportDbContext"/>.</summary>
internal sealed class EngineContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<SupportDbContext>
    where TContext : SupportDbContext
{
    public SupportDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<SupportDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
