using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;

namespace SupportDesk.Data.Users;

/// <summary>Per-user display settings that follow the user across browsers.</summary>
public sealed class UserPreferences(IDbContextFactory<SupportDbContext> contexts)
{
    public async Task<bool> GetDarkModeAsync(Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.PrefersDarkMode).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task SetDarkModeAsync(Actor actor, bool dark, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == actor.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.PrefersDarkMode, dark), cancellationToken);
    }
}
