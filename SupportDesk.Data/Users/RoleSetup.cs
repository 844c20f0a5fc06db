using Microsoft.AspNetCore.Identity;

namespace SupportDesk.Data.Users;

public static class RoleSetup
{
    /// <summary>Creates whichever of the three roles are missing; safe to run on every start.</summary>
    public static async Task EnsureAllAsync(RoleManager<IdentityRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        foreach (var role in Roles.All)
        {
            if (await roles.RoleExistsAsync(role))
            {
                continue;
            }

            var result = await roles.CreateAsync(new IdentityRole(role));
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"The role {role} could not be created: "
                    + string.Join(" ", result.Errors.Select(e => e.Description)));
            }
        }
    }
}
