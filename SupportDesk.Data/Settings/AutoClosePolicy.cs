namespace SupportDesk.Data.Settings;

/// <summary>Whether resolved tickets close by themselves, and after how many days without being reopened.</summary>
public sealed record AutoClosePolicy(bool Enabled, int Days)
{
    public const int DefaultDays = 7;
    public const int MinDays = 1;
    public const int MaxDays = 365;

    /// <summary>What applies until an admin changes it: on, after a week.</summary>
    public static AutoClosePolicy Default { get; } = new(true, DefaultDays);

    public static bool IsValidDays(int days) => days is >= MinDays and <= MaxDays;
}
