using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Infrastructure;

namespace SupportDesk.Data.Settings;

/// <summary>Settings admins switch at run time; each change is audited.</summary>
public sealed class RuntimeSettings(IDbContextFactory<SupportDbContext> contexts, TimeProvider clock)
{
    public const string AutoAssignPortalTicketsKey = "tickets.autoAssignPortal";

    /// <summary>Whether tickets customers open are assigned to the least-loaded agent straight away (off until an admin turns it on).</summary>
    public async Task<bool> AutoAssignPortalTicketsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ReadFlagAsync(db, AutoAssignPortalTicketsKey, cancellationToken);
    }

    public async Task<ServiceResult> SetAutoAssignPortalTicketsAsync(Actor actor, bool enabled, AuditSource? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAdmin)
        {
            return ServiceResult.Failure("", "Only admins can change settings.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var value = enabled ? "true" : "false";
        var setting = await db.AppSettings.FindAsync([AutoAssignPortalTicketsKey], cancellationToken);
        var previous = setting?.Value ?? "false";
        if (previous == value)
        {
            return ServiceResult.Success;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (setting is null)
        {
            db.AppSettings.Add(new AppSetting { Key = AutoAssignPortalTicketsKey, Value = value, UpdatedAt = now });
        }
        else
        {
            setting.Value = value;
            setting.UpdatedAt = now;
        }

        db.AuditEntries.Add(new AuditEntry
        {
            EntityName = nameof(AppSetting),
            RecordId = AutoAssignPortalTicketsKey,
            Action = AuditAction.Update,
            UserId = actor.UserId,
            IpAddress = source?.IpAddress,
            UserAgent = source?.UserAgent,
            Changes = AuditChanges.ToJson([new FieldChange("value", previous, value)]),
        });
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Success;
    }

    internal static async Task<bool> ReadFlagAsync(SupportDbContext db, string key, CancellationToken cancellationToken)
    {
        var value = await db.AppSettings.Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
        return bool.TryParse(value, out var flag) && flag;
    }
}
