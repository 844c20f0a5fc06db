using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SupportDesk.Data.Access;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Web.Api;

/// <summary>The services a bulk endpoint may call, and who is calling.</summary>
public sealed class TicketsBulkApiServices(TicketCreation creation, BulkActions bulk, ClaimsPrincipal user, HttpContext http)
{
    public TicketCreation Creation { get; } = creation;
    public BulkActions Bulk { get; } = bulk;
    public ClaimsPrincipal User { get; } = user;
    public HttpContext Http { get; } = http;

    internal Actor Actor => ApiCaller.Actor(User);

    internal AuditSource Source => ApiCaller.Source(Http, Actor);
}

/// <summary>
/// Many tickets per call, for agents and admins (customers open and change tickets one at a time): open a batch, or
/// change every ticket named or matched by a queue filter. Only tickets the caller may see are touched.
/// </summary>
public static class TicketsBulkApi
{
    public static RouteGroupBuilder MapTicketsBulkApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var tickets = api.MapGroup("/tickets").WithTags("Tickets").RequireAuthorization(ApiSetup.StaffPolicy);
        tickets.MapPost("/batch", CreateBatchAsync)
            .WithSummary(string.Create(CultureInfo.InvariantCulture, $"Open up to {TicketCreation.MaxBatchSize} tickets at once, all or none (staff); errors are keyed items[i].field"))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        tickets.MapPost("/bulk", ChangeAsync)
            .WithSummary("Change the tickets picked by numbers or a filter: assign, status, priority, addTags, removeTags, trash (staff); "
                + "restore, deletePermanently (admins)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    public static async Task<Results<Created<CreatedBatchResponse>, ProblemHttpResult>> CreateBatchAsync(
        NewTicketBatchRequest request, [AsParameters] TicketsBulkApiServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var inputs = (request.Items ?? []).Select(i => i?.ToNewTicket()).ToList();
        var created = await services.Creation.CreateManyAsync(services.Actor, inputs, services.Source, cancellationToken);
        return created.Value is { } tickets
            ? TypedResults.Created((string?)null, new CreatedBatchResponse([.. tickets.Select(t => t.Number)]))
            : ApiProblems.For(created);
    }

    public static async Task<Results<Ok<BulkChangeResponse>, ProblemHttpResult>> ChangeAsync(
        BulkChangeRequest request, [AsParameters] TicketsBulkApiServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var actor = services.Actor;
        var errors = new List<FieldError>();
        var action = ApiEnums.Parse<BulkChangeAction>(request.Action, "action", "action", errors);
        if (action is BulkChangeAction.Restore or BulkChangeAction.DeletePermanently && !actor.IsAdmin)
        {
            return ApiProblems.Forbidden("Only admins can restore or permanently delete tickets.");
        }

        var status = action == BulkChangeAction.Status ? ApiEnums.Parse<TicketStatus>(request.Value, "value", "status", errors) : null;
        var priority = action == BulkChangeAction.Priority ? ApiEnums.Parse<TicketPriority>(request.Value, "value", "priority", errors) : null;
        var target = request.ToTarget(errors);
        if (errors.Count > 0 || target is null)
        {
            return ApiProblems.Invalid(errors);
        }

        var bulk = services.Bulk;
        var source = services.Source;
        var changed = await (action switch
        {
            BulkChangeAction.Assign => bulk.AssignAsync(actor, target, request.AssigneeId ?? "", source, cancellationToken),
            BulkChangeAction.Status => bulk.SetStatusAsync(actor, target, status!.Value, source, cancellationToken),
            BulkChangeAction.Priority => bulk.SetPriorityAsync(actor, target, priority!.Value, source, cancellationToken),
            BulkChangeAction.AddTags => bulk.AddTagsAsync(actor, target, request.Tags ?? [], source, cancellationToken),
            BulkChangeAction.RemoveTags => bulk.RemoveTagsAsync(actor, target, request.Tags ?? [], source, cancellationToken),
            BulkChangeAction.Trash => bulk.SoftDeleteAsync(actor, target, source, cancellationToken),
            BulkChangeAction.Restore => bulk.RestoreAsync(actor, target, source, cancellationToken),
            BulkChangeAction.DeletePermanently => bulk.DeletePermanentlyAsync(actor, target, source, cancellationToken),
            _ => throw new InvalidOperationException("unreachable: the action was parsed above"),
        });
        return changed.Succeeded ? TypedResults.Ok(new BulkChangeResponse(changed.Value)) : ApiProblems.For(changed);
    }
}
