using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using MudBlazor.Services;
using SupportDesk.Web.Components;
using SupportDesk.Web.Components.Account;
using SupportDesk.Web.Components.Common;

namespace SupportDesk.Web.Hosting;

public static class WebSetup
{
    public static WebApplicationBuilder AddSupportDeskWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents()
            .RegisterPersistentService<RequestOrigin>(RenderMode.InteractiveServer)
            .AddInteractiveServerComponents(o =>
            {
                // Exception details in the browser only while developing; elsewhere they would show code and data.
                o.DetailedErrors = builder.Environment.IsDevelopment();

                // Each circuit holds its component state in server memory, so these bound what one user (or someone
                // opening circuits on purpose) can make the server keep. A dropped connection (a train tunnel, a laptop
                // lid) rejoins within 3 minutes; after that the page reloads, which is cheap. 100 kept circuits (the
                // default) is fine for one helpdesk node.
                o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);
                o.DisconnectedCircuitMaxRetained = 100;

                // A client that stops acknowledging renders (a slow or hostile one) stops getting new ones after 10,
                // instead of the server queueing renders for it without end.
                o.MaxBufferedUnacknowledgedRenderBatches = 10;
            })
            // 64 KB is plenty for any event or form value the UI sends (files go through the upload stream, not one
            // message); the default 32 KB was too small for long replies, and larger messages only cost memory.
            .AddHubOptions(o => o.MaximumReceiveMessageSize = 64 * 1024);
        // Secure whenever the form came over HTTPS, like the sign-in cookie; the framework's default never marks it so.
        builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.AddMudServices();
        builder.Services.AddSingleton<MarkdownRenderer>();
        builder.Services.AddScoped<RequestOrigin>();
        builder.AddSupportDeskForwardedHeaders();
        builder.Services.AddHttpContextAccessor();

        // Keys outlive restarts (and are shared by nodes that share the folder), so sign-ins survive a deploy.
        var keys = builder.Configuration["DataProtection:KeysFolder"];
        builder.Services.AddDataProtection()
            .SetApplicationName("SupportDesk")
            .PersistKeysToFileSystem(new DirectoryInfo(string.IsNullOrWhiteSpace(keys)
                ? Path.Combine(builder.Environment.ContentRootPath, "data", "keys")
                : keys));
        return builder;
    }

    public static WebApplication UseSupportDeskWeb(this WebApplication app)
    {
        app.UseSupportDeskForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/Error",
                CreateScopeForErrors = true,
                // A form posted without its anti-forgery token, or one that cannot be read, is the client's fault.
                StatusCodeSelector = ex => ex is AntiforgeryValidationException or BadHttpRequestException ? 400 : 500,
            });
        }

        app.UseSupportDeskSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

        // Error and status pages are rendered as a GET: re-running a refused POST (say, one without its anti-forgery
        // token) would make the page read the form and check its token again, fail a second time and answer a bare 500.
        app.Use((context, next) =>
        {
            if (context.Features.Get<IExceptionHandlerFeature>() is not null || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
            {
                context.Request.Method = HttpMethods.Get;
            }

            return next(context);
        });

        // Called here rather than left to WebApplication, which would put them ahead of this whole pipeline: a challenge,
        // a redirect to log in or a 403 would then answer before the security headers were set.
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        // The security headers already refuse all framing; Blazor's own, laxer frame-ancestors header would weaken that.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        app.MapAdditionalIdentityEndpoints();
        app.MapHealthChecks("/health");
        return app;
    }
}
