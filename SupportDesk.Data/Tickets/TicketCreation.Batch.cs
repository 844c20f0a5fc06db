using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Notifications;
using SupportDesk.Data.Tags;

namespace SupportDesk.Data.Tickets;

public sealed partial class TicketCreation
{
    /// <summary>The most tickets one batch may open; larger imports are split by the caller.</summary>
    public const int MaxBatchSize = 500;

    /// <summary>
    /// Staff only (customers open tickets one at a time): opens every ticket or none. Each item is checked by the
    /// single-ticket rules, its errors keyed <c>items[i].field</c>; then all are numbered, tagged, assigned and
    /// audited in one transaction. Files are not taken here: attach them to a ticket on its own.
    /// </summary>
    public async Task<ServiceResult<IReadOnlyList<CreatedTicket>>> CreateManyAsync(
        Actor actor, IReadOnlyList<NewTicket?> inputs, AuditSource? source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(inputs);
        if (!actor.IsStaff)
        {
            return ServiceResult<IReadOnlyList<CreatedTicket>>.Failure("", "Only agents and admins can open tickets in bulk.");
        }

        if (inputs.Count is 0 or > MaxBatchSize)
        {
            return ServiceResult<IReadOnlyList<CreatedTicket>>.Failure(
                "items", string.Create(CultureInfo.InvariantCulture, $"Send between 1 and {MaxBatchSize} tickets in one batch; split larger imports."));
        }

        var errors = new List<FieldError>();
        var items = new List<(NewTicket Input, string CustomFields, IReadOnlyList<string> Tags)>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"items[{i}]");
            if (inputs[i] is not { } input)
            {
                errors.Add(new FieldError(prefix, "Each item must be a ticket."));
                continue;
            }

            var itemErrors = new List<FieldError>();
            var (customFields, tags) = Check(input, itemErrors);
            if (input.Attachments is { Count: > 0 })
            {
                itemErrors.Add(new FieldError("attachments", "Files cannot be sent in a batch; attach them to the ticket afterwards."));
            }

            errors.AddRange(itemErrors.Select(e => e with { Field = $"{prefix}.{e.Field}" }));
            items.Add((input, customFields, tags));
        }

        if (errors.Count > 0)
        {
            return ServiceResult<IReadOnlyList<CreatedTicket>>.Invalid(errors);
        }

        for (var attempt = 1; attempt <= NumberAttempts; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.AuditSource = source ?? new AuditSource(actor.UserId);
            if (!await IsActiveAsync(db, actor, cancellationToken))
            {
                return ServiceResult<IReadOnlyList<CreatedTicket>>.Failure("creator", InactiveMessage);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var free = await FreeNumbersAsync(db, items.Count, cancellationToken);
            var loads = items.Any(i => i.Input.AutoAssign) ? await AutoAssignment.LoadsAsync(db, cancellationToken) : null;
            var tickets = items.Select((item, i) =>
                Build(actor, item.Input, item.CustomFields, item.Input.AutoAssign ? loads!.Next() : null, free[i])).ToList();
            db.Tickets.AddRange(tickets);
            await TagLinks.AddAsync(db, [.. tickets.Select((t, i) => (t, items[i].Tags))], cancellationToken);

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await NotificationOutbox.AddAsync(db, transaction, await AlertsAsync(db, tickets, cancellationToken), logger, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return ServiceResult<IReadOnlyList<CreatedTicket>>.Ok([.. tickets.Select(t => new CreatedTicket(t.Id, t.Number, t.AssigneeId))]);
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex) && attempt < NumberAttempts)
            {
                // Another writer took one of the numbers since they were checked: start over with fresh ones.
                await transaction.RollbackAsync(cancellationToken);
            }
        }

        throw new InvalidOperationException("unreachable: the last attempt either commits or throws");
    }

    /// <summary>
    /// Distinct numbers that no stored ticket has. Random suffixes make a clash with the day's tickets likely in a large
    /// batch, so clashing numbers are swapped before the insert instead of failing the whole batch.
    /// </summary>
    private async Task<List<string>> FreeNumbersAsync(SupportDbContext db, int count, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var chosen = new List<string>(count);
        var fresh = new List<string>(count);
        for (var round = 0; round < NumberAttempts && chosen.Count < count; round++)
        {
            fresh.Clear();
            while (chosen.Count + fresh.Count < count)
            {
                var number = numbers.Allocate(now);
                if (!chosen.Contains(number) && !fresh.Contains(number))
                {
                    fresh.Add(number);
                }
            }

            var taken = await db.Tickets.Where(t => fresh.Contains(t.Number)).Select(t => t.Number).ToListAsync(cancellationToken);
            chosen.AddRange(fresh.Except(taken));
        }

        // Still short only if every round clashed: keep the last numbers and let the insert's unique index decide.
        chosen.AddRange(fresh.Except(chosen).Take(count - chosen.Count));
        return chosen;
    }
}
