using MudBlazor.Services;
using SupportDesk.Web.Components;
using SupportDesk.Web.Components.Account;

namespace SupportDesk.Web.Hosting;

public static class WebSetup
{
    public static WebApplicationBuilder AddSupportDeskWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents(o =>
            {
                o.DetailedErrors = builder.Environment.IsDevelopment();
                o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);
                o.MaxBufferedUnacknowledgedRenderBatches = 10;
            })
            .AddHubOptions(o => o.MaximumReceiveMessageSize = 64 * 1024);
        builder.Services.AddMudServices();
        builder.Services.AddHttpContextAccessor();
        return builder;
    }

    public static WebApplication UseSupportDeskWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        app.MapHealthChecks("/health");
        return app;
    }
}
