using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Attachments;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Tags;

namespace SupportDesk.Data.Tickets;

/// <summary>Opens tickets: validates, numbers, tags, assigns and audits them in one transaction.</summary>
public sealed class TicketCreation(IDbContextFactory<SupportDbContext> contexts, TicketNumbers numbers, TimeProvider clock, AttachmentUploads uploads)
{
    /// <summary>Numbers are random, so a clash is rare; a few fresh tries make it vanishingly so.</summary>
    internal const int NumberAttempts = 5;

    public async Task<ServiceResult<CreatedTicket>> CreateAsync(
        Actor actor, NewTicket input, AuditSource? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        TicketRules.CheckTitle(input.Title, errors);
        TicketRules.CheckDescription(input.Description, errors);
        TicketRules.CheckPriority(input.Priority, errors);
        TicketRules.CheckCategory(input.Category, errors);
        var customFields = TicketRules.NormalizeCustomFields(input.CustomFields, errors);
        var tagNames = TagNames.Normalize(input.Tags, errors);
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

    private async Task<ServiceResult<CreatedTicket>> SaveAsync(
        Actor actor, NewTicket input, string? customFields, IReadOnlyList<string> tagNames, IReadOnlyList<StoredFile> files, AuditSource? source, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= NumberAttempts; attempt++)
        {
            // Each attempt starts from a clean context: a failed save leaves tracked rows behind.
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.AuditSource = source ?? new AuditSource(actor.UserId);
            if (!await db.Users.AnyAsync(u => u.Id == actor.UserId && u.IsActive, cancellationToken))
            {
                return ServiceResult<CreatedTicket>.Failure("creator", "Your account is not active, so it cannot open tickets.");
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var assigneeId = input.AutoAssign ? await AutoAssignment.LeastLoadedAgentAsync(db, cancellationToken) : null;
            var ticket = new Ticket
            {
                Number = numbers.Allocate(clock.GetUtcNow().UtcDateTime),
                Title = input.Title.Trim(),
                Description = input.Description.Trim(),
                Priority = input.Priority,
                Category = TicketRules.Clean(input.Category),
                CustomFields = customFields!,
                CreatorId = actor.UserId,
                AssigneeId = assigneeId,
                Status = assigneeId is null ? TicketStatus.Open : TicketStatus.InProgress,
            };
            ticket.Attachments.AddRange(files.Select(f => f.ToRow(actor.UserId)));
            db.Tickets.Add(ticket);
            await AttachTagsAsync(db, ticket, tagNames, cancellationToken);

            try
            {
                await db.SaveChangesAsync(cancellationToken);
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

    private static async Task AttachTagsAsync(SupportDbContext db, Ticket ticket, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        if (names.Count == 0)
        {
            return;
        }

        var existing = await db.Tags.Where(t => names.Contains(t.Name)).ToDictionaryAsync(t => t.Name, cancellationToken);
        foreach (var name in names)
        {
            var tag = existing.GetValueOrDefault(name) ?? new Tag { Name = name, Color = TagNames.ColorFor(name) };
            ticket.TicketTags.Add(new TicketTag { Ticket = ticket, Tag = tag });
        }
    }
}
