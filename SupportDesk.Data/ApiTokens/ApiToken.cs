using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Users;

namespace SupportDesk.Data.ApiTokens;

/// <summary>
/// A personal API token. Only a SHA-256 hash of the secret is stored; the secret is shown once,
/// when the token is created. The prefix lets its owner tell tokens apart.
/// </summary>
public class ApiToken : ICreationStamped
{
    public const int NameMaxLength = 100;

    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public AppUser? User { get; set; }
    public string Name { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public string Prefix { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
