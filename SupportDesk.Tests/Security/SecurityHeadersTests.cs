using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Security;

public sealed partial class SecurityHeadersTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pages_endpoints_and_static_files_carry_the_security_headers()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        await using var app = new SupportDeskApp(database.Options);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var path in new[] { "/Account/Login", "/health", "/app.css" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
            AssertSecurityHeaders(response, path);
        }
    }

    [Fact]
    public async Task Refusals_redirects_to_log_in_api_errors_and_missing_pages_carry_the_security_headers_too()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        await using var app = new SupportDeskApp(database.Options);
        var customer = await app.AccountAsync("carla@example.test", Roles.Customer);
        await app.AccountAsync("alex@example.test", Roles.Agent);
        using var anonymous = app.ApiClient();
        using var customerApi = await app.ApiClientAsync(customer);
        using var agent = await app.SignInAsync("alex@example.test");

        (HttpClient Client, HttpMethod Method, string Path, HttpStatusCode Status)[] cases =
        [
            (anonymous, HttpMethod.Get, "/tickets", HttpStatusCode.Redirect),
            (anonymous, HttpMethod.Get, "/attachments/1", HttpStatusCode.Redirect),
            (anonymous, HttpMethod.Get, "/api/tickets", HttpStatusCode.Unauthorized),
            (customerApi, HttpMethod.Get, "/api/users", HttpStatusCode.Forbidden),
            (customerApi, HttpMethod.Post, "/api/tickets", HttpStatusCode.BadRequest),
            (customerApi, HttpMethod.Get, "/api/no-such-thing", HttpStatusCode.NotFound),
            (agent, HttpMethod.Get, "/admin/users", HttpStatusCode.Redirect),
            (agent, HttpMethod.Get, "/no-such-page", HttpStatusCode.NotFound),
            (anonymous, HttpMethod.Get, "/favicon.png", HttpStatusCode.OK),
        ];
        foreach (var (client, method, path, status) in cases)
        {
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
            if (method == HttpMethod.Post)
            {
                request.Content = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request, Cancel);

            Assert.True(status == response.StatusCode, $"{method} {path}: expected {status}, got {response.StatusCode}");
            AssertSecurityHeaders(response, path);
        }
    }

    [Theory]
    [InlineData("Production", false)]
    [InlineData("Staging", false)]
    [InlineData("Development", true)]
    public async Task Circuit_error_details_reach_the_browser_only_in_development(string environment, bool detailed)
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        await using var app = new SupportDeskApp(database.Options, new Dictionary<string, string> { ["environment"] = environment });

        Assert.Equal(environment, app.Services.GetRequiredService<IHostEnvironment>().EnvironmentName);
        Assert.Equal(detailed, app.Services.GetRequiredService<IOptions<CircuitOptions>>().Value.DetailedErrors);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response, string path)
    {
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var values), $"{path} has no Content-Security-Policy");
        var directives = string.Join(" ", values).Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d);

        Assert.Equal("script-src 'self'", directives["script-src"]);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        Assert.Equal("object-src 'none'", directives["object-src"]);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(["DENY"], response.Headers.GetValues("X-Frame-Options"));
        Assert.Equal(["same-origin"], response.Headers.GetValues("Referrer-Policy"));
    }

    [Fact]
    public async Task Pages_have_no_inline_script_or_event_handler_attributes_the_policy_would_block()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        await using var app = new SupportDeskApp(database.Options);
        using var client = app.CreateClient();

        foreach (var path in new[] { "/", "/Account/Login", "/Account/Register", "/not-found" })
        {
            var html = await client.GetStringAsync(new Uri(path, UriKind.Relative), Cancel);

            Assert.Contains("<script src=", html, StringComparison.Ordinal);
            Assert.Empty(InlineScript().Matches(html));
            Assert.Empty(EventHandlerAttribute().Matches(html));
        }
    }

    [Fact]
    public async Task Sign_in_cookies_are_http_only_same_site_and_secure_over_https()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        await using var app = new SupportDeskApp(database.Options);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
                .CreateAsync(new NewAccount("pat@example.test", "Pat", SecurityDesk.Password, Roles.Customer), Cancel);
            Assert.True(created.Succeeded);
        }

        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        using var login = await AccountForms.PostAsync(client, "/Account/Login", "login", new()
        {
            ["Input.Email"] = "pat@example.test",
            ["Input.Password"] = SecurityDesk.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal))
            .ToLowerInvariant();
        Assert.Contains("; secure", cookie, StringComparison.Ordinal);
        Assert.Contains("; httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("; samesite=lax", cookie, StringComparison.Ordinal);

        // The form's anti-forgery cookie too: script never reads it and other sites never send it.
        using var visitor = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        using var form = await visitor.GetAsync(new Uri("/Account/Login", UriKind.Relative), Cancel);
        var antiforgery = Assert.Single(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal))
            .ToLowerInvariant();
        Assert.Contains("; secure", antiforgery, StringComparison.Ordinal);
        Assert.Contains("; httponly", antiforgery, StringComparison.Ordinal);
        Assert.Contains("; samesite=strict", antiforgery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Circuits_are_bounded_and_show_no_error_details_outside_development()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        await using var app = new SupportDeskApp(database.Options);

        var circuit = app.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;
        // The hub type is internal to Blazor; its options are the ones AddHubOptions configures.
        var hub = typeof(CircuitOptions).Assembly.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub", throwOnError: true)!;
        var hubOptionsType = typeof(IOptions<>).MakeGenericType(typeof(HubOptions<>).MakeGenericType(hub));
        var hubOptions = (HubOptions)hubOptionsType.GetProperty("Value")!.GetValue(app.Services.GetRequiredService(hubOptionsType))!;

        Assert.False(circuit.DetailedErrors);
        Assert.Equal(10, circuit.MaxBufferedUnacknowledgedRenderBatches);
        Assert.Equal(TimeSpan.FromMinutes(3), circuit.DisconnectedCircuitRetentionPeriod);
        Assert.Equal(100, circuit.DisconnectedCircuitMaxRetained);
        Assert.Equal(64 * 1024, hubOptions.MaximumReceiveMessageSize);
    }

    /// <summary>A script element without a src: inline code (an import map counts too).</summary>
    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<[^>]+\\son[a-z]+\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();
}
