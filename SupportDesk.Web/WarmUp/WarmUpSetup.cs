namespace SupportDesk.Web.WarmUp;

public static class WarmUpSetup
{
    /// <summary>Warms the first requests' read paths in the background once the app has started.</summary>
    public static WebApplicationBuilder AddSupportDeskWarmUp(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<WarmUpService>();
        return builder;
    }
}
