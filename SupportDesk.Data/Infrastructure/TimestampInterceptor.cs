using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Infrastructure;

/// <summary>
/// The one place that stamps created/updated times (UTC, from the injected clock) and bumps the
/// SQLite concurrency token, so no service has to remember either.
/// </summary>
public sealed class TimestampInterceptor(TimeProvider clock) : BeforeSaveInterceptor
{
    protected override void BeforeSave(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in context.ChangeTracker.Entries<ICreationStamped>())
        {
            // A time set explicitly (imports, demo history) is kept; everything else gets "now".
            if (entry.State == EntityState.Added && entry.Entity.CreatedAt == default)
            {
                entry.Entity.CreatedAt = now;
            }

            if (entry.Entity is ITimestamped timestamped
                && ((entry.State == EntityState.Added && timestamped.UpdatedAt == default) || entry.State == EntityState.Modified))
            {
                timestamped.UpdatedAt = entry.State == EntityState.Added ? entry.Entity.CreatedAt : now;
            }
        }

        foreach (var entry in context.ChangeTracker.Entries<Ticket>())
        {
            // On PostgreSQL the token is the xmin system column, which the server maintains itself.
            var version = entry.Property(t => t.Version);
            if (entry.State == EntityState.Modified && version.Metadata.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never)
            {
                entry.Entity.Version = version.OriginalValue + 1;
            }
        }
    }
}
