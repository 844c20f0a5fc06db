using System.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Infrastructure;

namespace SupportDesk.Data.Users;

/// <summary>
/// What admins do to accounts: list, read, create, change role, deactivate and reactivate. Every change rotates the
/// security stamp (so live sessions lose old rights at their next check) and writes its audit row in the same
/// transaction. Changes go through Identity's stores, so they use the scoped context those stores share.
/// </summary>
public sealed class UserAdministration(
    UserManager<AppUser> users,
    UserAccounts accounts,
    SupportDbContext db,
    IDbContextFactory<SupportDbContext> contexts)
{
    private static readonly ServiceResult NotAdmin = ServiceResult.Failure("", "Only admins can manage users.");
    private static readonly ServiceResult NotFound = ServiceResult.Failure("", "That user no longer exists.");
    private static readonly ServiceResult LastAdmin = ServiceResult.Failure("", "At least one active admin must remain.");

    public async Task<ServiceResult<UserPage>> ListAsync(Actor actor, UserListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        if (!actor.IsAdmin)
        {
            return new(null, NotAdmin.Errors);
        }

        var pageSize = Math.Clamp(query.PageSize, 1, UserListQuery.MaxPageSize);
        await using var read = await contexts.CreateDbContextAsync(cancellationToken);
        var matching = read.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // Upper-casing both sides is case-insensitive on both engines; NormalizedEmail is already upper case.
            var text = query.Search.Trim().ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // runs as SQL upper(); the culture and StringComparison overloads do not translate
            matching = matching.Where(u => u.FullName.ToUpper().Contains(text) || u.NormalizedEmail!.Contains(text));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (!string.IsNullOrEmpty(query.Role))
        {
            matching = matching.InRole(read, query.Role);
        }

        var total = await matching.CountAsync(cancellationToken);
        var items = await Rows(read, matching
                .OrderBy(u => u.FullName).ThenBy(u => u.Id)
                .Skip(query.Skip(pageSize)).Take(pageSize))
            .ToListAsync(cancellationToken);
        return new(new UserPage(items, total), []);
    }

    /// <summary>One account as the list shows it: admins read anyone's, everyone reads their own, and anyone else's looks missing.</summary>
    public async Task<ServiceResult<UserRow>> GetAsync(Actor actor, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAdmin && userId != actor.UserId)
        {
            return ServiceResult<UserRow>.Missing("User");
        }

        await using var read = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await Rows(read, read.Users.AsNoTracking().Where(u => u.Id == userId)).FirstOrDefaultAsync(cancellationToken);
        return row is null ? ServiceResult<UserRow>.Missing("User") : ServiceResult<UserRow>.Ok(row);
    }

    /// <summary>Creates an account with its role and audits it; the value is the new user's id.</summary>
    public async Task<ServiceResult<string>> CreateAsync(Actor actor, NewAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(account);
        if (!actor.IsAdmin)
        {
            return ServiceResult<string>.Invalid(NotAdmin.Errors);
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var created = await accounts.CreateAsync(account, cancellationToken);
            if (!created.Succeeded)
            {
                return ServiceResult<string>.Invalid(IdentityErrors.ToResult(created).Errors);
            }

            var user = await users.FindByEmailAsync(account.Email.Trim())
                ?? throw new InvalidOperationException("A newly created account could not be read back.");
            db.AuditEntries.Add(UserAudit.Entry(actor, user.Id, AuditAction.Create, "role", null, account.Role));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return ServiceResult<string>.Ok(user.Id);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public async Task<ServiceResult> ChangeRoleAsync(Actor actor, string userId, string role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(role);
        if (!actor.IsAdmin)
        {
            return NotAdmin;
        }

        if (!Roles.All.Contains(role))
        {
            return ServiceResult.Failure("Role", $"Unknown role '{role}'.");
        }

        if (userId == actor.UserId)
        {
            return ServiceResult.Failure("Role", "You cannot change your own role.");
        }

        return await InTransactionAsync(userId, async (user, current) =>
        {
            if (current == role)
            {
                return ServiceResult.Failure("Role", $"{user.FullName} already has the role {role}.");
            }

            if (current == Roles.Admin && await IsLastActiveAdminAsync(user, cancellationToken))
            {
                return LastAdmin;
            }

            var result = current is null ? IdentityResult.Success : await users.RemoveFromRoleAsync(user, current);
            result = result.Succeeded ? await users.AddToRoleAsync(user, role) : result;
            result = result.Succeeded ? await users.UpdateSecurityStampAsync(user) : result;
            return result.Succeeded
                ? await AuditAsync(UserAudit.Entry(actor, user.Id, AuditAction.RoleChange, "role", current, role), cancellationToken)
                : IdentityErrors.ToResult(result);
        }, cancellationToken);
    }

    public Task<ServiceResult> DeactivateAsync(Actor actor, string userId, CancellationToken cancellationToken) =>
        SetActiveAsync(actor, userId, active: false, cancellationToken);

    public Task<ServiceResult> ReactivateAsync(Actor actor, string userId, CancellationToken cancellationToken) =>
        SetActiveAsync(actor, userId, active: true, cancellationToken);

    private async Task<ServiceResult> SetActiveAsync(Actor actor, string userId, bool active, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(userId);
        if (!actor.IsAdmin)
        {
            return NotAdmin;
        }

        if (!active && userId == actor.UserId)
        {
            return ServiceResult.Failure("", "You cannot deactivate your own account.");
        }

        return await InTransactionAsync(userId, async (user, current) =>
        {
            if (user.IsActive == active)
            {
                return ServiceResult.Failure("", $"{user.FullName} is already {(active ? "active" : "deactivated")}.");
            }

            if (!active && current == Roles.Admin && await IsLastActiveAdminAsync(user, cancellationToken))
            {
                return LastAdmin;
            }

            user.IsActive = active;
            var result = await users.UpdateSecurityStampAsync(user);
            var action = active ? AuditAction.Reactivate : AuditAction.Deactivate;
            return result.Succeeded
                ? await AuditAsync(UserAudit.Entry(actor, user.Id, action, "isActive", !active, active), cancellationToken)
                : IdentityErrors.ToResult(result);
        }, cancellationToken);
    }

    /// <summary>
    /// Runs one change to one user in a serializable transaction (two admins demoting each other at once must not
    /// leave none), committing only on success. The scoped context lives as long as the circuit, so nothing stays tracked.
    /// </summary>
    private async Task<ServiceResult> InTransactionAsync(
        string userId, Func<AppUser, string?, Task<ServiceResult>> change, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return NotFound;
            }

            var current = await db.UserRoles.Where(ur => ur.UserId == userId)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name)
                .FirstOrDefaultAsync(cancellationToken);
            var result = await change(user, current);
            if (result.Succeeded)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return result;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static IQueryable<UserRow> Rows(SupportDbContext read, IQueryable<AppUser> users) =>
        users.Select(u => new UserRow(
            u.Id,
            u.Email ?? "",
            u.FullName,
            (from ur in read.UserRoles join r in read.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).FirstOrDefault(),
            u.IsActive,
            u.LastLoginAt,
            u.CreatedAt));

    private async Task<bool> IsLastActiveAdminAsync(AppUser admin, CancellationToken cancellationToken) =>
        admin.IsActive && !await db.Users.InRole(db, Roles.Admin).AnyAsync(u => u.Id != admin.Id && u.IsActive, cancellationToken);

    private async Task<ServiceResult> AuditAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Success;
    }
}
