namespace SupportDesk.Data.Users;

/// <summary>
/// What the admin user list asks for: a zero-based page, optional search text and role.
/// <paramref name="Offset"/>, when given, skips that many rows instead of whole pages (the API pages by offset).
/// </summary>
public sealed record UserListQuery(int Page = 0, int PageSize = 25, string? Search = null, string? Role = null, int? Offset = null)
{
    public const int MaxPageSize = 100;

    internal int Skip(int pageSize) => Offset is { } offset ? Math.Max(offset, 0) : Math.Max(Page, 0) * pageSize;
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
