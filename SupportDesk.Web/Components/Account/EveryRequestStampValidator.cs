using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SupportDesk.Data.Users;

namespace SupportDesk.Web.Components.Account;

/// <summary>
/// Checks the cookie's security stamp on every request (the interval is zero) without re-issuing the cookie each time:
/// the stock validator renews it after every successful check, which would put a new cookie and no-store on every response.
/// A changed stamp (deactivation, new password, new role) still ends the session.
/// </summary>
internal sealed class EveryRequestStampValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<AppUser> signInManager, ILoggerFactory logger)
    : SecurityStampValidator<AppUser>(options, signInManager, logger)
{
    protected override Task SecurityStampVerified(AppUser user, CookieValidatePrincipalContext context) => Task.CompletedTask;
}
