using Microsoft.EntityFrameworkCore;

namespace SupportDesk.Data.Users;

public static class StaffMembers
{
    /// <summary>Active agents and admins: the people who can be assigned tickets and are alerted about them.</summary>
    public static IQueryable<AppUser> ActiveStaff(this SupportDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Users.Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id
            && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.Agent || r.Name == Roles.Admin))));
    }

    public static Task<bool> IsActiveStaffAsync(this SupportDbContext db, string userId, CancellationToken cancellationToken) =>
        db.ActiveStaff().AnyAsync(u => u.Id == userId, cancellationToken);
}
