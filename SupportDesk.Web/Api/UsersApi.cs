using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SupportDesk.Data.Access;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Users;

namespace SupportDesk.Web.Api;

/// <summary>The service a user endpoint may call, and who is calling.</summary>
public sealed class UsersApiServices(UserAdministration administration, ClaimsPrincipal user)
{
    public UserAdministration Administration { get; } = administration;
    public ClaimsPrincipal User { get; } = user;

    internal Actor Actor => ApiCaller.Actor(User);
}

/// <summary>/api/users: admins create and list accounts; anyone may read their own, and another's looks missing unless they are an admin.</summary>
public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var users = api.MapGroup("/users").WithTags("Users");
        users.MapPost("/", CreateAsync)
            .RequireAuthorization(ApiSetup.AdminPolicy)
            .WithSummary("Create an account (admins)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        users.MapGet("/", ListAsync)
            .RequireAuthorization(ApiSetup.AdminPolicy)
            .WithSummary("Accounts by name, with search and role filters (admins)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        users.MapGet("/{id}", GetAsync)
            .WithSummary("One account: any for admins, your own for everyone")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static async Task<Results<Created<UserResponse>, ProblemHttpResult>> CreateAsync(
        NewUserRequest request, [AsParameters] UsersApiServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var account = new NewAccount(request.Email ?? "", request.FullName ?? "", request.Password ?? "", request.Role ?? "");
        var created = await services.Administration.CreateAsync(services.Actor, account, cancellationToken);
        if (created.Value is not { } id)
        {
            return ApiProblems.For(created);
        }

        var user = await services.Administration.GetAsync(services.Actor, id, cancellationToken);
        return user.Value is { } row
            ? TypedResults.Created($"/api/users/{row.Id}", UserResponse.From(row))
            : ApiProblems.For(user);
    }

    public static async Task<Results<Ok<PageResponse<UserResponse>>, ProblemHttpResult>> ListAsync(
        [AsParameters] UserListRequest request, [AsParameters] UsersApiServices services, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        ApiPaging.Check(request.Limit, request.Offset, errors);
        if (request.Role is { } role && !Roles.All.Contains(role))
        {
            errors.Add(new FieldError("role", $"Unknown role '{role}'; use {string.Join(", ", Roles.All)}."));
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var query = new UserListQuery(PageSize: request.Limit, Search: request.Search, Role: request.Role, Offset: request.Offset);
        var listed = await services.Administration.ListAsync(services.Actor, query, cancellationToken);
        return listed.Value is { } page
            ? TypedResults.Ok(new PageResponse<UserResponse>([.. page.Items.Select(UserResponse.From)], page.TotalCount, request.Limit, request.Offset))
            : ApiProblems.For(listed);
    }

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetAsync(
        string id, [AsParameters] UsersApiServices services, CancellationToken cancellationToken)
    {
        var user = await services.Administration.GetAsync(services.Actor, id, cancellationToken);
        return user.Value is { } row ? TypedResults.Ok(UserResponse.From(row)) : ApiProblems.For(user);
    }
}
