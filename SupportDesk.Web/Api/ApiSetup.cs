using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using SupportDesk.Data.Users;

namespace SupportDesk.Web.Api;

public static class ApiSetup
{
    /// <summary>Picks, per request, how an /api call is signed in: a Bearer token, or the browser's cookie for reads.</summary>
    internal const string Scheme = "Api";

    internal const string Policy = "Api";
    internal const string StaffPolicy = "ApiStaff";
    internal const string AdminPolicy = "ApiAdmin";

    public static WebApplicationBuilder AddSupportDeskApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(Scheme, null, o =>
            {
                o.ForwardDefaultSelector = SchemeFor;
                // The token handler answers both with problem details, where the cookie would redirect to the login page.
                o.ForwardChallenge = ApiTokenAuthenticationHandler.SchemeName;
                o.ForwardForbid = ApiTokenAuthenticationHandler.SchemeName;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser())
            .AddPolicy(StaffPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireRole(Roles.Agent, Roles.Admin))
            .AddPolicy(AdminPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireRole(Roles.Admin));
        services.AddOpenApi(o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer<ApiDocumentTransformer>();
        });
        return builder;
    }

    public static WebApplication UseSupportDeskApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Inside the pages' error handling, so /api answers errors and unknown paths with problem details, not HTML.
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.MapGroup("/api")
            .RequireAuthorization(Policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .MapTicketsApi()
            .MapTicketsBulkApi()
            .MapUsersApi();
        app.MapOpenApi();
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Against cross-site request forgery: a browser sends the cookie with a forged cross-site request but cannot add an
    /// Authorization header to one, so the cookie signs in only safe methods (GET, HEAD) and every change needs the token.
    /// </summary>
    private static string SchemeFor(HttpContext context) =>
        ApiTokenAuthenticationHandler.BearerSecret(context.Request) is null
        && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            ? IdentityConstants.ApplicationScheme
            : ApiTokenAuthenticationHandler.SchemeName;
}
