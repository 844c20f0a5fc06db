namespace SupportDesk.Web.AutoClose;

public static class AutoCloseSetup
{
    /// <summary>Runs the auto-close job in the background; its settings are on the admins' settings page.</summary>
    public static WebApplicationBuilder AddSupportDeskAutoClose(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<AutoCloseService>();
        return builder;
    }
}
