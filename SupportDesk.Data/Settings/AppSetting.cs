namespace SupportDesk.Data.Settings;

/// <summary>A setting admins change at run time (not start-up configuration), by key.</summary>
public class AppSetting
{
    public const int ValueMaxLength = 4000;

    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}
