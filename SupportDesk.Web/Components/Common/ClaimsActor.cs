using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using SupportDesk.Data.Access;
using SupportDesk.Data.Users;

namespace SupportDesk.Web.Components.Common;

public static class ClaimsActor
{
    /// <summary>The acting user as services expect it, or null when nobody is signed in.</summary>
    public static Actor? ToActor(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
        {
            return null;
        }

        var role = principal.IsInRole(Roles.Admin) ? ActorRole.Admin
            : principal.IsInRole(Roles.Agent) ? ActorRole.Agent
            : ActorRole.Customer;
        return new Actor(id, role);
    }

    /// <summary>The acting user from a component's cascading authentication state, or null when there is none.</summary>
    public static async Task<Actor?> ToActorAsync(this Task<AuthenticationState>? state) =>
        state is null ? null : (await state).User.ToActor();
}
