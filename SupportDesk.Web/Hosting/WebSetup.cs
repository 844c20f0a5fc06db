using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.DataProtection;
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
                o.DetailedErrors = builder.Environment.IsDevelopment();
                o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);
                o.MaxBufferedUnacknowledgedRenderBatches = 10;
            })
            .AddHubOptions(o => o.MaximumReceiveMessageSize = 64 * 1024);
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
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            return next(context);
        });
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        app.MapHealthChecks("/health");
        return app;
    }
}
