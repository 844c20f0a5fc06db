using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SupportDesk.Data.Access;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Web.Api;

/// <summary>The services a ticket endpoint may call, and who is calling (every property is a constructor parameter, as binding requires).</summary>
public sealed class TicketsApiServices(
    TicketCreation creation,
    TicketQueries queries,
    QueueQueries queue,
    TicketComments comments,
    TicketStatusChanges statuses,
    TicketAssignment assignment,
    ClaimsPrincipal user,
    HttpContext http)
{
    public TicketCreation Creation { get; } = creation;
    public TicketQueries Queries { get; } = queries;
    public QueueQueries Queue { get; } = queue;
    public TicketComments Comments { get; } = comments;
    public TicketStatusChanges Statuses { get; } = statuses;
    public TicketAssignment Assignment { get; } = assignment;
    public ClaimsPrincipal User { get; } = user;
    public HttpContext Http { get; } = http;

    internal Actor Actor => ApiCaller.Actor(User);

    internal AuditSource Source => ApiCaller.Source(Http, Actor);
}

/// <summary>
/// /api/tickets: the same services and visibility rule as the pages. A ticket the caller may not see answers 404,
/// exactly like one that does not exist.
/// </summary>
public static class TicketsApi
{
    public static RouteGroupBuilder MapTicketsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var tickets = api.MapGroup("/tickets").WithTags("Tickets");
        tickets.MapGet("/", ListAsync)
            .WithSummary("Tickets the caller may see, filtered and sorted like the queue (newest first by default), a page at a time: pass a page's next as after")
            .ProducesValidationProblem();
        tickets.MapPost("/", CreateAsync)
            .WithSummary("Open a ticket as the caller")
            .ProducesValidationProblem();
        tickets.MapGet("/{number}", GetAsync)
            .WithSummary("One ticket with the comments the caller may see")
            .ProducesProblem(StatusCodes.Status404NotFound);
        tickets.MapPost("/{number}/comments", CommentAsync)
            .WithSummary("Reply, or (staff) add an internal note; a repeated submissionId returns the stored comment with 200")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        tickets.MapPut("/{number}/status", ChangeStatusAsync)
            .WithSummary("Change the status; send the version you read to be told of changes made meanwhile")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        tickets.MapPut("/{number}/assignee", AssignAsync)
            .RequireAuthorization(ApiSetup.StaffPolicy)
            .WithSummary("Assign to an agent or admin, or unassign with null (staff); version works as for status")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    public static async Task<Results<Ok<TicketPageResponse>, ProblemHttpResult>> ListAsync(
        [AsParameters] TicketListRequest request, [AsParameters] TicketsApiServices services, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        ArgumentNullException.ThrowIfNull(request);
        if (request.ToQuery(errors) is not { } query)
        {
            return ApiProblems.Invalid(errors);
        }

        var page = await services.Queue.ListAsync(services.Actor, query.Filter, query.Sort, query.Paging, cancellationToken);
        return TypedResults.Ok(new TicketPageResponse([.. page.Items.Select(TicketListItemResponse.From)], page.Total, page.TotalIsCapped, page.Next));
    }

    public static async Task<Results<Created<TicketResponse>, ProblemHttpResult>> CreateAsync(
        NewTicketRequest request, [AsParameters] TicketsApiServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var created = await services.Creation.CreateAsync(services.Actor, request.ToNewTicket(), services.Source, cancellationToken);
        if (created.Value is not { } ticket)
        {
            return ApiProblems.For(created);
        }

        var details = await services.Queries.GetAsync(services.Actor, ticket.Number, cancellationToken);
        return details.Value is { } read
            ? TypedResults.Created($"/api/tickets/{read.Number}", TicketResponse.From(read))
            : ApiProblems.For(details);
    }

    public static async Task<Results<Ok<TicketResponse>, ProblemHttpResult>> GetAsync(
        string number, [AsParameters] TicketsApiServices services, CancellationToken cancellationToken)
    {
        var details = await services.Queries.GetAsync(services.Actor, number, cancellationToken);
        return details.Value is { } read ? TypedResults.Ok(TicketResponse.From(read)) : ApiProblems.For(details);
    }

    public static async Task<Results<Created<PostedCommentResponse>, Ok<PostedCommentResponse>, ProblemHttpResult>> CommentAsync(
        string number, NewCommentRequest request, [AsParameters] TicketsApiServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var submissionId = request.SubmissionId ?? Guid.NewGuid();
        var input = new NewComment(request.Content ?? "", request.IsInternal, submissionId);
        var posted = await services.Comments.AddAsync(services.Actor, number, input, services.Source, cancellationToken);
        if (posted.Value is not { } comment)
        {
            return ApiProblems.For(posted);
        }

        var details = await services.Queries.GetAsync(services.Actor, number, cancellationToken);
        if (details.Value?.Comments.FirstOrDefault(c => c.Id == comment.Id) is not { } stored)
        {
            return ApiProblems.NotFound("Ticket not found.");
        }

        var body = new PostedCommentResponse(
            stored.Id, submissionId, new PersonResponse(stored.AuthorId, stored.AuthorName), stored.Content, stored.IsInternal, stored.CreatedAt);
        return comment.Repeated ? TypedResults.Ok(body) : TypedResults.Created($"/api/tickets/{number}", body);
    }

    public static async Task<Results<Ok<TicketResponse>, ProblemHttpResult>> ChangeStatusAsync(
        string number, StatusChangeRequest request, [AsParameters] TicketsApiServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Status is not { } status)
        {
            return ApiProblems.Invalid("status", $"Status is required: {string.Join(", ", Enum.GetNames<TicketStatus>())}.");
        }

        var changed = await services.Statuses.ChangeAsync(services.Actor, number, status, request.Version, services.Source, cancellationToken);
        if (!changed.Succeeded)
        {
            return ApiProblems.For(changed);
        }

        return await GetAsync(number, services, cancellationToken);
    }

    public static async Task<Results<Ok<TicketResponse>, ProblemHttpResult>> AssignAsync(
        string number, AssigneeChangeRequest request, [AsParameters] TicketsApiServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var assigned = await services.Assignment.AssignAsync(
            services.Actor, number, request.AssigneeId, request.Version, services.Source, cancellationToken);
        if (!assigned.Succeeded)
        {
            return ApiProblems.For(assigned);
        }

        return await GetAsync(number, services, cancellationToken);
    }
}
