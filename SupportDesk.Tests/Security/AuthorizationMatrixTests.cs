using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Security;

/// <summary>
/// Every page and every endpoint the app has, visited by everyone: anonymous, two customers, an agent, an agent deactivated
/// after signing in, and an admin. Routes are discovered from the app itself, so a new page or endpoint without a row here
/// fails the test until someone decides who may reach it.
/// </summary>
public sealed class AuthorizationMatrixTests(DatabaseTemplates templates)
{
    // Outcomes as the test observes them: the status code, and for a redirect where it leads.
    private const string Ok = "200";
    private const string Login = "302 /Account/Login";
    private const string Denied = "302 /Account/AccessDenied";
    private const string NotFound = "404";
    private const string Invalid = "400";
    private const string Unauthorized = "401";
    private const string Forbidden = "403";

    /// <summary>Pages a signed-in user may open whatever their role; the deactivated agent's cookie no longer counts.</summary>
    private static readonly Row SignedIn = SignedInTo(Ok);
    private static readonly Row StaffOnly = new(Login, Denied, Denied, Ok, Login, Ok);
    private static readonly Row AdminOnly = new(Login, Denied, Denied, Denied, Login, Ok);
    private static readonly Row Everyone = All(Ok);
    private static readonly Row ApiSignedIn = new(Unauthorized, Ok, Ok, Ok, Unauthorized, Ok);
    private static readonly Row ApiStaff = new(Unauthorized, Forbidden, Forbidden, Invalid, Unauthorized, Invalid);
    private static readonly Row ApiAdmin = new(Unauthorized, Forbidden, Forbidden, Forbidden, Unauthorized, Invalid);

    /// <summary>
    /// Keyed by method and route template. Parameters are customer A's: their ticket, their user id, the file on their ticket.
    /// Bodies sent to changing endpoints are empty (<c>{}</c> or an empty form): reaching validation (400) proves the caller
    /// got past authorization without changing anything.
    /// </summary>
    private static readonly Dictionary<string, Row?> Expected = new(StringComparer.Ordinal)
    {
        // Pages
        ["GET /"] = Everyone,
        ["GET /Error"] = Everyone,
        ["GET /not-found"] = Everyone,
        ["GET /portal"] = SignedIn,
        ["GET /portal/new"] = SignedIn,
        ["GET /profile"] = SignedIn,
        ["GET /tickets"] = StaffOnly,
        // Customer B's answer is the not-found page with a 404, exactly as for a ticket that does not exist.
        ["GET /tickets/{Number}"] = new(Login, Ok, NotFound, Ok, Login, Ok),
        ["GET /admin/activity"] = AdminOnly,
        ["GET /admin/users/{UserId}/activity"] = AdminOnly,
        ["GET /admin/users"] = AdminOnly,
        ["GET /admin/tags"] = AdminOnly,
        ["GET /admin/trash"] = AdminOnly,
        ["GET /admin/settings"] = AdminOnly,
        ["GET /admin/sla"] = AdminOnly,
        ["GET /dashboard"] = StaffOnly,

        // Account pages outside Manage are for signing in, so everyone reaches them; those that need a pending flow
        // (a code, a two-factor user, an external login) send a visitor without one elsewhere.
        ["GET /Account/AccessDenied"] = Everyone,
        ["GET /Account/ConfirmEmail"] = All("302 /"),
        ["GET /Account/ConfirmEmailChange"] = All("302 /Account/Login"),
        ["GET /Account/ExternalLogin"] = All("302 /Account/Login"),
        ["GET /Account/ForgotPassword"] = Everyone,
        ["GET /Account/ForgotPasswordConfirmation"] = Everyone,
        ["GET /Account/InvalidPasswordReset"] = Everyone,
        ["GET /Account/InvalidUser"] = Everyone,
        ["GET /Account/Lockout"] = Everyone,
        ["GET /Account/Login"] = Everyone,
        ["GET /Account/LoginWith2fa"] = All("302 /Account/Login"),
        ["GET /Account/LoginWithRecoveryCode"] = All("302 /Account/Login"),
        ["GET /Account/Register"] = Everyone,
        ["GET /Account/RegisterConfirmation"] = All("302 /"),
        ["GET /Account/ResendEmailConfirmation"] = Everyone,
        ["GET /Account/ResetPassword"] = All("302 /Account/InvalidPasswordReset"),
        ["GET /Account/ResetPasswordConfirmation"] = Everyone,
        ["GET /Account/Manage"] = SignedIn,
        ["GET /Account/Manage/ChangePassword"] = SignedIn,
        ["GET /Account/Manage/DeletePersonalData"] = SignedIn,
        ["GET /Account/Manage/Disable2fa"] = SignedInTo("302 /Account/Manage/TwoFactorAuthentication"),
        ["GET /Account/Manage/Email"] = SignedIn,
        ["GET /Account/Manage/EnableAuthenticator"] = SignedIn,
        ["GET /Account/Manage/ExternalLogins"] = SignedIn,
        ["GET /Account/Manage/GenerateRecoveryCodes"] = SignedInTo("302 /Account/Manage/TwoFactorAuthentication"),
        ["GET /Account/Manage/Passkeys"] = SignedIn,
        ["GET /Account/Manage/PersonalData"] = SignedIn,
        ["GET /Account/Manage/RenamePasskey/{Id}"] = SignedInTo("302 /Account/Manage/Passkeys"),
        ["GET /Account/Manage/ResetAuthenticator"] = SignedIn,
        ["GET /Account/Manage/SetPassword"] = SignedInTo("302 /Account/Manage/ChangePassword"),
        ["GET /Account/Manage/TwoFactorAuthentication"] = SignedIn,

        // Endpoints
        ["* /health"] = Everyone,
        ["GET /openapi/{documentName}.json"] = Everyone,
        ["GET /attachments/{id:long}"] = new(Login, Ok, NotFound, Ok, Login, Ok),
        ["GET /tickets/export.csv"] = StaffOnly,
        ["GET /dashboard/export/{table}.csv"] = new(Unauthorized, Forbidden, Forbidden, Ok, Unauthorized, Ok),
        // Posted without the form's anti-forgery token, as another site would: refused, for everyone.
        ["POST /Account/PerformExternalLogin"] = All(Invalid),
        ["POST /Account/Logout"] = All(Invalid),
        ["POST /Account/PasskeyCreationOptions"] = All(Invalid),
        ["POST /Account/PasskeyRequestOptions"] = All(Invalid),
        ["POST /Account/Manage/LinkExternalLogin"] = SignedInTo(Invalid),
        ["POST /Account/Manage/DownloadPersonalData"] = SignedInTo(Invalid),
        ["GET /api/tickets/"] = ApiSignedIn,
        ["POST /api/tickets/"] = new(Unauthorized, Invalid, Invalid, Invalid, Unauthorized, Invalid),
        ["GET /api/tickets/{number}"] = new(Unauthorized, Ok, NotFound, Ok, Unauthorized, Ok),
        // An empty body is refused before the ticket is looked up, so customer B learns nothing from it.
        ["POST /api/tickets/{number}/comments"] = new(Unauthorized, Invalid, Invalid, Invalid, Unauthorized, Invalid),
        ["PUT /api/tickets/{number}/status"] = new(Unauthorized, Invalid, Invalid, Invalid, Unauthorized, Invalid),
        // An empty body unassigns, which for this unassigned ticket changes nothing.
        ["PUT /api/tickets/{number}/assignee"] = new(Unauthorized, Forbidden, Forbidden, Ok, Unauthorized, Ok),
        ["POST /api/tickets/batch"] = ApiStaff,
        ["POST /api/tickets/bulk"] = ApiStaff,
        ["POST /api/users/"] = ApiAdmin,
        ["GET /api/users/"] = new(Unauthorized, Forbidden, Forbidden, Forbidden, Unauthorized, Ok),
        // Anyone reads their own account; customer A's looks missing to everyone else but an admin.
        ["GET /api/users/{id}"] = new(Unauthorized, Ok, NotFound, NotFound, Unauthorized, Ok),

        // The framework's own plumbing: the circuit's hub and the SPA fallback for static files, not the app's routes.
        ["* /_blazor"] = null,
        ["* /_blazor/negotiate"] = null,
        ["* /_blazor/disconnect/"] = null,
        ["* /_blazor/initializers/"] = null,
        ["GET /_framework/opaque-redirect"] = null,
        ["GET {**path:file}"] = null,
    };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_page_and_endpoint_answers_each_role_as_the_table_says()
    {
        await using var desk = await SecurityDesk.CreateAsync(templates);
        var routes = Pages().Concat(Endpoints(desk)).Distinct().ToList();

        var unlisted = routes.Where(r => !Expected.ContainsKey(r.Key)).Select(r => r.Key).ToList();
        Assert.True(unlisted.Count == 0, "Routes without a row in the authorization table: " + string.Join(", ", unlisted));
        var gone = Expected.Keys.Except(routes.Select(r => r.Key)).ToList();
        Assert.True(gone.Count == 0, "Rows for routes the app no longer has: " + string.Join(", ", gone));

        var wrong = new List<string>();
        foreach (var route in routes.Where(r => Expected[r.Key] is not null))
        {
            var row = Expected[route.Key]!;
            foreach (var visitor in Enum.GetValues<Visitor>())
            {
                var expected = row.For(visitor);
                var observed = await VisitAsync(desk, route, route.IsApi ? desk.ApiOf(visitor) : desk.BrowserOf(visitor));
                if (observed != expected)
                {
                    wrong.Add($"{route.Key} as {visitor}: expected {expected}, got {observed}");
                }

                // A browser's cookie reads the API exactly as the token does, and never changes anything.
                if (route.IsApi && visitor != Visitor.Anonymous)
                {
                    var byCookie = await VisitAsync(desk, route, desk.BrowserOf(visitor));
                    var expectedByCookie = route.Method == "GET" ? expected : Unauthorized;
                    if (byCookie != expectedByCookie)
                    {
                        wrong.Add($"{route.Key} as {visitor} with the sign-in cookie: expected {expectedByCookie}, got {byCookie}");
                    }
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    /// <summary>Every routable component in the web app, found by reflection.</summary>
    private static IEnumerable<Route> Pages() =>
        typeof(SupportDesk.Web.Components.App).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(a => new Route("GET", a.Template, IsApi: false));

    /// <summary>Every endpoint the running app mapped, except pages (found above) and the static files' one per file.</summary>
    private static IEnumerable<Route> Endpoints(SecurityDesk desk) =>
        desk.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is null && e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .Select(e =>
            {
                var method = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is [var first, ..] ? first : "*";
                var template = e.RoutePattern.RawText ?? "";
                return new Route(method, template.StartsWith('/') || template.StartsWith('{') ? template : "/" + template, template.StartsWith("/api/", StringComparison.Ordinal));
            });

    private static Row All(string outcome) => new(outcome, outcome, outcome, outcome, outcome, outcome);

    private static Row SignedInTo(string outcome) => new(Login, outcome, outcome, outcome, Login, outcome);

    private static async Task<string> VisitAsync(SecurityDesk desk, Route route, HttpClient client)
    {
        var path = route.Template
            .Replace("{Number}", desk.TicketNumber, StringComparison.Ordinal)
            .Replace("{number}", desk.TicketNumber, StringComparison.Ordinal)
            .Replace("{UserId}", desk.User(Visitor.CustomerA).Id, StringComparison.Ordinal)
            .Replace("{id}", desk.User(Visitor.CustomerA).Id, StringComparison.Ordinal)
            .Replace("{id:long}", desk.AttachmentId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{Id}", "unknown-passkey", StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal)
            .Replace("{table}", "agents", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(route.Method == "*" ? "GET" : route.Method), new Uri(path, UriKind.Relative));
        if (route.Method is not ("GET" or "*"))
        {
            request.Content = route.IsApi
                ? new StringContent("{}", Encoding.UTF8, "application/json")
                : new FormUrlEncodedContent([]);
        }

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, Cancel);
        }
        catch (InvalidOperationException ex)
        {
            // The test server hands an unhandled exception to the client; a real server would answer 500.
            return "500 " + ex.Message;
        }

        using var _ = response;
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (route.IsApi && response.StatusCode >= HttpStatusCode.BadRequest)
        {
            // The API always answers problems as problem details, never as a page or an empty body.
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        return response.StatusCode == HttpStatusCode.Redirect
            ? $"{status} {PathOf(response.Headers.Location)}"
            : status;
    }

    private static string? PathOf(Uri? location) =>
        location is null ? null : location.IsAbsoluteUri ? location.AbsolutePath : "/" + location.OriginalString.Split('?')[0].TrimStart('/');

    private sealed record Route(string Method, string Template, bool IsApi)
    {
        public string Key => $"{Method} {Template}";
    }

    private sealed record Row(string Anonymous, string CustomerA, string CustomerB, string Agent, string DeactivatedAgent, string Admin)
    {
        public string For(Visitor visitor) => visitor switch
        {
            Visitor.Anonymous => Anonymous,
            Visitor.CustomerA => CustomerA,
            Visitor.CustomerB => CustomerB,
            Visitor.Agent => Agent,
            Visitor.DeactivatedAgent => DeactivatedAgent,
            _ => Admin,
        };
    }
}
