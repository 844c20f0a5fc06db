using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SupportDesk.Data.ApiTokens;
using SupportDesk.Data.Users;

namespace SupportDesk.Web.Api;

/// <summary>
/// Signs API requests in from <c>Authorization: Bearer sdk_…</c>. The token, its expiry and its user's active flag are
/// checked on every request, and the principal is built by Identity's claims factory, so roles match the cookie's.
/// It also answers every /api challenge and refusal with problem details instead of a redirect.
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens,
    UserManager<AppUser> users,
    IUserClaimsPrincipalFactory<AppUser> principals,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerSecret(Request) is not { } secret)
        {
            return AuthenticateResult.NoResult();
        }

        var userId = await tokens.AuthenticateAsync(secret, Context.RequestAborted);
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null)
        {
            return AuthenticateResult.Fail("The API token is unknown, revoked or expired, or its user is deactivated.");
        }

        var cookieShaped = await principals.CreateAsync(user);
        var identity = new ClaimsIdentity(cookieShaped.Claims, Scheme.Name, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var detail = BearerSecret(Request) is not null
            ? "The API token is unknown, revoked or expired, or its user is deactivated."
            : HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method)
                ? "Send a personal API token (create one on your profile page) as 'Authorization: Bearer <token>', or sign in."
                : "Changes need a personal API token as 'Authorization: Bearer <token>'; the sign-in cookie is accepted for reading only.";
        await WriteAsync("Unauthorized", detail);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await WriteAsync("Forbidden", "Your role does not allow this.");
    }

    /// <summary>The token from an <c>Authorization: Bearer</c> header, or null when the request sends none.</summary>
    internal static string? BearerSecret(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        return header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && header.Length > prefix.Length
            ? header[prefix.Length..].Trim()
            : null;
    }

    // A client that accepts no JSON still gets the status code and the WWW-Authenticate header.
    private async Task WriteAsync(string title, string detail) =>
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = Response.StatusCode, Title = title, Detail = detail },
        });
}
