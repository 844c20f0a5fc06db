namespace SupportDesk.Data.Users;

/// <summary>What the admin user list asks for: a zero-based page, optional search text and role.</summary>
public sealed record UserListQuery(int Page = 0, int PageSize = 25, string? Search = null, string? Role = null)
{
    public const int MaxPageSize = 100;
}

/// <summary>One row of the admin user list.</summary>
public sealed record UserRow(
    string Id,
    string Email,
    string FullName,
    string? Role,
    bool IsActive,
    DateTime? LastLoginAt,
    DateTime CreatedAt);

public sealed record UserPage(IReadOnlyList<UserRow> Items, int TotalCount);
