using SupportDesk.Data.Engines;
using SupportDesk.Web.Api;
using SupportDesk.Web.AutoClose;
using SupportDesk.Web.Components.Attachments;
using SupportDesk.Web.Components.Dashboards;
using SupportDesk.Web.Components.Queue;
using SupportDesk.Web.Hosting;
using SupportDesk.Web.SlaAlerts;
using SupportDesk.Web.WarmUp;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddSupportDeskDatabase()
        .AddSupportDeskIdentity()
        .AddSupportDeskAttachments()
        .AddSupportDeskWeb()
        .AddSupportDeskApi()
        .AddSupportDeskAutoClose()
        .AddSupportDeskSlaAlerts()
        .AddSupportDeskWarmUp();

    var app = builder.Build();
    app.UseSupportDeskWeb();
    app.UseSupportDeskApi();
    app.MapAttachmentDownloads();
    app.MapQueueExport();
    app.MapDashboardExport();
    await app.RunAsync();
    return 0;
}
catch (StartupException ex)
{
    // One line that names the setting to fix, instead of a stack trace.
    await Console.Error.WriteLineAsync($"SupportDesk cannot start: {ex.Message}");
    return 1;
}
