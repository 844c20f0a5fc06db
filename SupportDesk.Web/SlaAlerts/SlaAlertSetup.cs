namespace SupportDesk.Web.SlaAlerts;

public static class SlaAlertSetup
{
    /// <summary>Runs the at-risk alert job in the background.</summary>
    public static WebApplicationBuilder AddSupportDeskSlaAlerts(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<SlaAlertService>();
        return builder;
    }
}
