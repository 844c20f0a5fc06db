using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Infrastructure;

namespace SupportDesk.Data.Users;

/// <summary>Per-user display settings that follow the user across browsers.</summary>
public sealed class UserPreferences(IDbContextFactory<SupportDbContext> contexts)
{
    private static readonly Lazy<IReadOnlyList<string>> Zones = new(LoadTimeZoneIds);

    /// <summary>The IANA time-zone ids a user may pick, sorted; the machine's zone database decides which exist.</summary>
    public static IReadOnlyList<string> TimeZoneIds => Zones.Value;

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

    /// <summary>The actor's IANA time-zone id, or null for UTC.</summary>
    public async Task<string?> GetTimeZoneAsync(Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.TimeZone).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Stores one of <see cref="TimeZoneIds"/> as the actor's time zone; null or empty means UTC.</summary>
    public async Task<ServiceResult> SetTimeZoneAsync(Actor actor, string? timeZoneId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var zone = string.IsNullOrWhiteSpace(timeZoneId) ? null : timeZoneId.Trim();
        if (zone is not null && !TimeZoneIds.Contains(zone, StringComparer.Ordinal))
        {
            return ServiceResult.Failure("timeZone", $"'{zone}' is not a known time zone; pick one from the list, e.g. Europe/Berlin.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == actor.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZone, zone), cancellationToken);
        return ServiceResult.Success;
    }

    private static IReadOnlyList<string> LoadTimeZoneIds() =>
        [.. TimeZoneInfo.GetSystemTimeZones()
            .Select(z => z.HasIanaId ? z.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(z.Id, out var iana) ? iana : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
}
