using MudBlazor;

namespace SupportDesk.Web.Components.Layout;

internal static class SupportDeskTheme
{
    private const string DarkText = "rgba(0,0,0,0.87)";

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
        // Status colours carry white text (chips) and stand as text on white, so each reaches 4.5:1 against white.
        PaletteLight = new PaletteLight
        {
            Primary = "#1565c0",
            AppbarBackground = "#1565c0",
            Secondary = "#c2185b",
            Info = "#0277bd",
            Success = "#2e7d32",
            Warning = "#b45309",
            Error = "#d32f2f",
        },
        // Dark mode keeps light colours, readable as text on its dark surfaces, and puts dark text on them.
        PaletteDark = new PaletteDark
        {
            Primary = "#90caf9",
            PrimaryContrastText = DarkText,
            Secondary = "#f48fb1",
            SecondaryContrastText = DarkText,
            Info = "#4fc3f7",
            InfoContrastText = DarkText,
            Success = "#66bb6a",
            SuccessContrastText = DarkText,
            WarningContrastText = DarkText,
            Error = "#ff8a80",
            ErrorContrastText = DarkText,
            TextSecondary = "rgba(255,255,255,0.6)",
        },
    };
}
