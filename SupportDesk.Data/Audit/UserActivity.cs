using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Infrastructure;

namespace SupportDesk.Data.Audit;

/// <summary>What the activity log asks for: one user's entries (or everyone's) since a moment, a zero-based page.</summary>
public sealed record ActivityQuery(string? UserId, DateTime Since, int Page = 0, int PageSize = 25)
{
    public const int MaxPageSize = 100;
}

/// <summary>One audit entry as the log shows it.</summary>
public sealed record ActivityRow(
    long Id, DateTime At, string? UserName, AuditAction Action, string EntityName, string RecordId, string? TicketNumber, IReadOnlyList<ChangeView> Changes, string? IpAddress);

/// <summary>A page of the log; <paramref name="UserName"/> names the user asked about, when one was.</summary>
public sealed record ActivityListPage(string? UserName, IReadOnlyList<ActivityRow> Items, int TotalCount);

/// <summary>The audit trail read by admins: what a given user (or anyone) did since a date, newest first.</summary>
public sealed class UserActivity(IDbContextFactory<SupportDbContext> contexts)
{
    public async Task<ServiceResult<ActivityListPage>> ListAsync(Actor actor, ActivityQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        if (!actor.IsAdmin)
        {
            return ServiceResult<ActivityListPage>.Failure("", "Only admins can read the activity log.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        string? userName = null;
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.CreatedAt >= query.Since);
        if (query.UserId is { } userId)
        {
            userName = await db.Users.Where(u => u.Id == userId).Select(u => u.FullName).FirstOrDefaultAsync(cancellationToken);
            if (userName is null)
            {
                return ServiceResult<ActivityListPage>.Missing("User");
            }

            entries = entries.Where(a => a.UserId == userId);
        }

        var pageSize = Math.Clamp(query.PageSize, 1, ActivityQuery.MaxPageSize);
        var total = await entries.CountAsync(cancellationToken);
        var rows = await entries
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Skip(Math.Max(query.Page, 0) * pageSize).Take(pageSize)
            .Select(a => new { a.Id, a.CreatedAt, UserName = a.User == null ? null : a.User.FullName, a.Action, a.EntityName, a.RecordId, a.TicketNumber, a.Changes, a.IpAddress })
            .ToListAsync(cancellationToken);
        var items = rows
            .Select(r => new ActivityRow(r.Id, r.CreatedAt, r.UserName, r.Action, r.EntityName, r.RecordId, r.TicketNumber, AuditChanges.Read(r.Changes), r.IpAddress))
            .ToList();
        return ServiceResult<ActivityListPage>.Ok(new ActivityListPage(userName, items, total));
    }
}
