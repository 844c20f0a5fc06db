using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Infrastructure;

namespace SupportDesk.Data.Settings;

/// <summary>Settings admins switch at run time; each change is audited.</summary>
public sealed class RuntimeSettings(IDbContextFactory<SupportDbContext> contexts, TimeProvider clock)
{
    public const string AutoAssignPortalTicketsKey = "tickets.autoAssignPortal";
    public const string AutoCloseResolvedKey = "tickets.autoCloseResolved";
    public const string AutoCloseAfterDaysKey = "tickets.autoCloseAfterDays";

    /// <summary>Whether tickets customers open are assigned to the least-loaded agent straight away (off until an admin turns it on).</summary>
    public async Task<bool> AutoAssignPortalTicketsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ReadFlagAsync(db, AutoAssignPortalTicketsKey, cancellationToken);
    }

    public Task<ServiceResult> SetAutoAssignPortalTicketsAsync(Actor actor, bool enabled, AuditSource? source, CancellationToken cancellationToken) =>
        WriteAsync(actor, AutoAssignPortalTicketsKey, Flag(enabled), unset: Flag(false), source, cancellationToken);

    /// <summary>Whether and when resolved tickets are closed automatically (on, after 7 days, until an admin changes it).</summary>
    public async Task<AutoClosePolicy> AutoCloseAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ReadAutoCloseAsync(db, cancellationToken);
    }

    public Task<ServiceResult> SetAutoCloseResolvedAsync(Actor actor, bool enabled, AuditSource? source, CancellationToken cancellationToken) =>
        WriteAsync(actor, AutoCloseResolvedKey, Flag(enabled), unset: Flag(AutoClosePolicy.Default.Enabled), source, cancellationToken);

    public async Task<ServiceResult> SetAutoCloseAfterDaysAsync(Actor actor, int days, AuditSource? source, CancellationToken cancellationToken)
    {
        if (!AutoClosePolicy.IsValidDays(days))
        {
            return ServiceResult.Failure(
                "autoCloseAfterDays",
                $"Enter a number of days from {AutoClosePolicy.MinDays} to {AutoClosePolicy.MaxDays}; {days} is out of range.");
        }

        return await WriteAsync(actor, AutoCloseAfterDaysKey, Number(days), unset: Number(AutoClosePolicy.DefaultDays), source, cancellationToken);
    }

    internal static async Task<bool> ReadFlagAsync(SupportDbContext db, string key, CancellationToken cancellationToken)
    {
        var value = await db.AppSettings.Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
        return bool.TryParse(value, out var flag) && flag;
    }

    /// <summary>Both auto-close settings in one read; a missing or unreadable value falls back to its default.</summary>
    internal static async Task<AutoClosePolicy> ReadAutoCloseAsync(SupportDbContext db, CancellationToken cancellationToken)
    {
        var values = await db.AppSettings.AsNoTracking()
            .Where(s => s.Key == AutoCloseResolvedKey || s.Key == AutoCloseAfterDaysKey)
            .ToDictionaryAsync(s => s.Key, s => s.Value, cancellationToken);
        var enabled = bool.TryParse(values.GetValueOrDefault(AutoCloseResolvedKey), out var flag) ? flag : AutoClosePolicy.Default.Enabled;
        var days = int.TryParse(values.GetValueOrDefault(AutoCloseAfterDaysKey), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && AutoClosePolicy.IsValidDays(n) ? n : AutoClosePolicy.DefaultDays;
        return new AutoClosePolicy(enabled, days);
    }

    /// <summary>Stores one setting and audits its old and new value; <paramref name="unset"/> is what applied before it was ever stored.</summary>
    private async Task<ServiceResult> WriteAsync(Actor actor, string key, string value, string unset, AuditSource? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAdmin)
        {
            return ServiceResult.Failure("", "Only admins can change settings.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var setting = await db.AppSettings.FindAsync([key], cancellationToken);
        var previous = setting?.Value ?? unset;
        if (previous == value)
        {
            return ServiceResult.Success;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (setting is null)
        {
            db.AppSettings.Add(new AppSetting { Key = key, Value = value, UpdatedAt = now });
        }
        else
        {
            setting.Value = value;
            setting.UpdatedAt = now;
        }

        db.AuditEntries.Add(new AuditEntry
        {
            EntityName = nameof(AppSetting),
            RecordId = key,
            Action = AuditAction.Update,
            UserId = actor.UserId,
            IpAddress = source?.IpAddress,
            UserAgent = source?.UserAgent,
            Changes = AuditChanges.ToJson([new FieldChange("value", previous, value)]),
        });
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Success;
    }

    private static string Flag(bool value) => value ? "true" : "false";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
