using SupportDesk.Data.Infrastructure;

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

/// <summary>The outcome of an admin operation on users: success, or the reasons it was refused.</summary>
public record UserAdminResult(IReadOnlyList<FieldError> Errors)
{
    public static UserAdminResult Success { get; } = new([]);

    public bool Succeeded => Errors.Count == 0;

    /// <summary>All messages in one line, for a snackbar.</summary>
    public string Message => string.Join(" ", Errors.Select(e => e.Message));

    public static UserAdminResult Failure(string field, string message) => new([new FieldError(field, message)]);
}

/// <summary>An admin read: its value on success, or the reasons it was refused.</summary>
public sealed record UserAdminResult<T>(T? Value, IReadOnlyList<FieldError> Errors) : UserAdminResult(Errors);
