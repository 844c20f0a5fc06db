namespace SupportDesk.Data.Users;

public static class RoleMembership
{
    /// <summary>Users holding <paramref name="role"/>, as a filter that composes into any user query.</summary>
    public static IQueryable<AppUser> InRole(this IQueryable<AppUser> users, SupportDbContext db, string role)
    {
        ArgumentNullException.ThrowIfNull(db);
        return users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
    }
}
