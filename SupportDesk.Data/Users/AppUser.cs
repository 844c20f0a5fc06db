using Microsoft.AspNetCore.Identity;
using SupportDesk.Data.Infrastructure;

namespace SupportDesk.Data.Users;

/// <summary>An Identity user with the profile fields a helpdesk needs.</summary>
public class AppUser : IdentityUser, ITimestamped
{
    public const int FullNameMaxLength = 200;

    public string FullName { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public string? AvatarUrl { get; set; }
    public DateTime? LastLoginAt { get; set; }
    public bool PrefersDarkMode { get; set; }

    /// <summary>IANA time-zone id the user's times are shown in; null means UTC.</summary>
    public string? TimeZone { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
