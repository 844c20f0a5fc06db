using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using SupportDesk.Data.Users;
using SupportDesk.Web.Components.Account;

namespace SupportDesk.Web.Hosting;

public static class IdentitySetup
{
    /// <summary>How long a live circuit may go before its user is checked again (active, same stamp).</summary>
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
        // Every request checks the cookie's stamp (one read of the user by key), so deactivating someone or
        // changing their password or role ends their other sessions at once, not up to an interval later.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddAuthorization();

        services.AddSupportDeskIdentityCore().AddSignInManager<ActiveUserSignInManager>();
        services.AddScoped<ISecurityStampValidator, EveryRequestStampValidator>();
        services.AddSingleton<IEmailSender<AppUser>, IdentityNoOpEmailSender>();
        return builder;
    }
}
