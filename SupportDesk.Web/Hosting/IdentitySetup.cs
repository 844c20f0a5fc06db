using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using SupportDesk.Data.Users;
using SupportDesk.Web.Components.Account;

namespace SupportDesk.Web.Hosting;

public static class IdentitySetup
{
    /// <summary>How long a signed-in cookie or live circuit may go before its user is checked again (active, same stamp).</summary>
    internal static readonly TimeSpan RevalidationInterval = TimeSpan.FromSeconds(30);

    public static WebApplicationBuilder AddSupportDeskIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = RevalidationInterval);
        services.AddAuthorization();

        services.AddSupportDeskIdentityCore().AddSignInManager<ActiveUserSignInManager>();
        services.AddSingleton<IEmailSender<AppUser>, IdentityNoOpEmailSender>();
        return builder;
    }
}
