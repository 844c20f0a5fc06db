using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SupportDesk.Data;
using SupportDesk.Data.Users;
using SupportDesk.Web.Components.Common;

namespace SupportDesk.Tests.Infrastructure;

/// <summary>
/// The one bUnit host: MudBlazor services with loose JS interop, the real data services on a test
/// database, and an optional signed-in user. Create with <c>await using</c> (MudBlazor disposes asynchronously).
/// </summary>
public static class ComponentHost
{
    public static BunitContext Create(TestDatabase database, AppUser? user = null, string? role = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        ctx.Services.AddLogging();
        ctx.Services.AddSingleton<TimeProvider>(database.Clock);
        ctx.Services.AddSupportDeskData(database.Options);
        ctx.Services.AddInterceptors(database.Interceptors);
        ctx.Services.AddSupportDeskIdentityCore();
        ctx.Services.AddSingleton<MarkdownRenderer>();
        ctx.Services.AddScoped<RequestOrigin>();

        var auth = ctx.AddAuthorization();
        if (user is not null)
        {
            auth.SetAuthorized(user.Email!);
            if (role is not null)
            {
                auth.SetRoles(role);
            }

            auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, user.Id));
        }

        return ctx;
    }
}
