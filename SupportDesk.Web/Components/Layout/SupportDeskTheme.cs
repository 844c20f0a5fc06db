using MudBlazor;

namespace SupportDesk.Web.Components.Layout;

internal static class SupportDeskTheme
{
    /// <summary>System fonts only: the app never loads fonts from elsewhere.</summary>
    public static readonly MudTheme Theme = new()
    {
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
        PaletteLight = new PaletteLight { Primary = "#1565c0", AppbarBackground = "#1565c0" },
        PaletteDark = new PaletteDark { Primary = "#90caf9" },
    };
}
