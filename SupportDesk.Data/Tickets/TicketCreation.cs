using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SupportDesk.Data.Access;
using SupportDesk.Data.Attachments;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Notifications;
using SupportDesk.Data.Settings;
using SupportDesk.Data.Tags;
using SupportDesk.Data.Users;

namespace SupportDesk.Data.Tickets;

/// <summary>Opens tickets: validates, numbers, tags, assigns and audits them in one transaction.</summary>
public sealed partial class TicketCreation(
    IDbContextFactory<SupportDbContext> contexts, TicketNumbers numbers, TimeProvider clock, AttachmentUploads uploads, ILogger<TicketCreation> logger)
{
    /// <summary>Numbers are random, so a clash is rare; a few fresh tries make it vanishingly so.</summary>
    internal const int NumberAttempts = 5;

    public async Task<ServiceResult<CreatedTicket>> CreateAsync(
        Actor actor, NewTicket input, AuditSource? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        var (customFields, tagNames) = Check(input, errors);
        if (errors.Count > 0)
        {
            return ServiceResult<CreatedTicket>.Invalid(errors);
        }

        var files = await uploads.StoreAsync(input.Attachments, cancellationToken);
        if (files.Value is not { } stored)
        {
            return ServiceResult<CreatedTicket>.Invalid(files.Errors);
        }

        return await uploads.SaveWithAsync(stored, () => SaveAsync(actor, input, customFields, tagNames, stored, source, cancellationToken), r => r.Succeeded);
    }

    /// <summary>The field rules of a new ticket; returns its canonical custom fields and tag names (meaningful only without errors).</summary>
    private static (string CustomFields, IReadOnlyList<string> Tags) Check(NewTicket input, List<FieldError> errors)
    {
        TicketRules.CheckTitle(input.Title, errors);
        TicketRules.CheckDescription(input.Description, errors);
        TicketRules.CheckPriority(input.Priority, errors);
        TicketRules.CheckCategory(input.Category, errors);
        var customFields = TicketRules.NormalizeCustomFields(input.CustomFields, errors);
        var tagNames = TagNames.Normalize(input.Tags, errors);
        return (customFields ?? "", tagNames);
    }

    private async Task<ServiceResult<CreatedTicket>> SaveAsync(
        Actor actor, NewTicket input, string customFields, IReadOnlyList<string> tagNames, IReadOnlyList<StoredFile> files, AuditSource? source, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= NumberAttempts; attempt++)
        {
            // Each attempt starts from a clean context: a failed save leaves tracked rows behind.
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.AuditSource = source ?? new AuditSource(actor.UserId);
            if (!await IsActiveAsync(db, actor, cancellationToken))
            {
                return ServiceResult<CreatedTicket>.Failure("creator", InactiveMessage);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Customers do not choose: their tickets follow the admins' setting for portal tickets.
            var autoAssign = actor.IsStaff ? input.AutoAssign
                : await RuntimeSettings.ReadFlagAsync(db, RuntimeSettings.AutoAssignPortalTicketsKey, cancellationToken);
            var assigneeId = autoAssign ? await AutoAssignment.LeastLoadedAgentAsync(db, cancellationToken) : null;
            var ticket = Build(actor, input, customFields, assigneeId, numbers.Allocate(clock.GetUtcNow().UtcDateTime));
            ticket.Attachments.AddRange(files.Select(f => f.ToRow(actor.UserId)));
            db.Tickets.Add(ticket);
            await TagLinks.AddAsync(db, ticket, tagNames, cancellationToken);

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await NotificationOutbox.AddAsync(db, transaction, await AlertsAsync(db, [ticket], cancellationToken), logger, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return ServiceResult<CreatedTicket>.Ok(new CreatedTicket(ticket.Id, ticket.Number, ticket.AssigneeId));
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex) && attempt < NumberAttempts)
            {
                await transaction.RollbackAsync(cancellationToken);
            }
        }

        throw new InvalidOperationException("unreachable: the last attempt either commits or throws");
    }

    private const string InactiveMessage = "Your account is not active, so it cannot open tickets.";

    private static Task<bool> IsActiveAsync(SupportDbContext db, Actor actor, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.Id == actor.UserId && u.IsActive, cancellationToken);

    private static Ticket Build(Actor actor, NewTicket input, string customFields, string? assigneeId, string number) => new()
    {
        Number = number,
        Title = input.Title.Trim(),
        Description = input.Description.Trim(),
        Priority = input.Priority,
        Category = TicketRules.Clean(input.Category),
        CustomFields = customFields,
        CreatorId = actor.UserId,
        AssigneeId = assigneeId,
        Status = assigneeId is null ? TicketStatus.Open : TicketStatus.InProgress,
    };

    /// <summary>An urgent ticket nobody owns alerts every active agent and admin.</summary>
    private static async Task<IReadOnlyList<Notification>> AlertsAsync(SupportDbContext db, IReadOnlyList<Ticket> tickets, CancellationToken cancellationToken)
    {
        var urgent = tickets.Where(t => t.Priority == TicketPriority.Urgent && t.AssigneeId is null).ToList();
        if (urgent.Count == 0)
        {
            return [];
        }

        var staff = await db.ActiveStaff().Select(u => u.Id).ToListAsync(cancellationToken);
        return [.. urgent.SelectMany(ticket =>
        {
            var message = TicketAssignment.Shorten($"Urgent and unassigned: {ticket.Number}: {ticket.Title}");
            return staff.Select(id => new Notification
            {
                RecipientId = id,
                TicketId = ticket.Id,
                Kind = NotificationKind.UrgentUnassigned,
                Message = message,
            });
        })];
    }
}
