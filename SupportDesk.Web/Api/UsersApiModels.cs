using Microsoft.AspNetCore.Mvc;
using SupportDesk.Data.Users;

namespace SupportDesk.Web.Api;

/// <summary>An account an admin creates: role is one of Customer, Agent or Admin.</summary>
public sealed record NewUserRequest(string? Email, string? FullName, string? Password, string? Role);

/// <summary>Query of GET /api/users: optional search (name or email) and role, ordered by name, paged by limit and offset.</summary>
public sealed record UserListRequest(
    [property: FromQuery(Name = "search")] string? Search = null,
    [property: FromQuery(Name = "role")] string? Role = null,
    [property: FromQuery(Name = "limit")] int Limit = ApiPaging.DefaultLimit,
    [property: FromQuery(Name = "offset")] int Offset = 0);

public sealed record UserResponse(string Id, string Email, string FullName, string? Role, bool IsActive, DateTime? LastLoginAt, DateTime CreatedAt)
{
    internal static UserResponse From(UserRow u) => new(u.Id, u.Email, u.FullName, u.Role, u.IsActive, u.LastLoginAt, u.CreatedAt);
}
