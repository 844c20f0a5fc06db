using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Queue;

public sealed partial class BulkActions
{
    /// <summary>
    /// Sets the given custom fields on every target ticket, keeping its other fields; a null value removes the field.
    /// Each ticket's fields differ, so this is one read of (id, fields, version) and one SaveChanges of the changed
    /// tickets only, whose UPDATEs EF sends batched. Saving tracked rows lets the interceptors write the same
    /// <c>customFields</c> audit entry and stamps as a single-ticket edit, and the version check refuses the whole
    /// change if someone edited one of the tickets between the read and the write, rather than overwrite their fields.
    /// </summary>
    public Task<ServiceResult<int>> MergeCustomFieldsAsync(
        Actor actor, BulkTarget target, IReadOnlyDictionary<string, string?> values, AuditSource? source, CancellationToken cancellationToken)
    {
        if (CheckCustomFields(values) is { } refused)
        {
            return Task.FromResult(refused);
        }

        return InTransactionAsync(actor, target, adminOnly: false, source, async scope =>
        {
            var rows = await scope.Tickets(trashed: false)
                .Select(t => new { t.Id, t.Number, t.CustomFields, t.Version })
                .ToListAsync(cancellationToken);
            var changed = 0;
            foreach (var row in rows)
            {
                if (Merged(row.CustomFields, values) is { } merged)
                {
                    var ticket = new Ticket { Id = row.Id, Number = row.Number, CustomFields = row.CustomFields, Version = row.Version };
                    scope.Db.Tickets.Attach(ticket);
                    ticket.CustomFields = merged;
                    changed++;
                }
            }

            try
            {
                await scope.Db.SaveChangesAsync(cancellationToken);
                return ServiceResult<int>.Ok(changed);
            }
            catch (DbUpdateConcurrencyException)
            {
                return ServiceResult<int>.Conflicted("Some of these tickets were changed by someone else meanwhile, so no custom fields were saved. Try again.");
            }
        }, cancellationToken);
    }

    /// <summary>
    /// The ticket's fields with <paramref name="values"/> merged in, in the canonical form the single-ticket edit stores
    /// (<see cref="TicketRules.NormalizeCustomFields"/>); null when nothing would change. Stored text that is not a JSON
    /// object is left alone: the ticket page cannot edit it either, and a merge must not throw someone's data away.
    /// </summary>
    private static string? Merged(string stored, IReadOnlyDictionary<string, string?> values)
    {
        if (TicketRules.NormalizeCustomFields(stored, []) is not { } canonical || JsonNode.Parse(canonical) is not JsonObject before)
        {
            return null;
        }

        var after = (JsonObject)before.DeepClone();
        foreach (var (name, value) in values)
        {
            if (value is null)
            {
                after.Remove(name.Trim());
            }
            else
            {
                after[name.Trim()] = value;
            }
        }

        return JsonNode.DeepEquals(before, after) ? null : TicketRules.NormalizeCustomFields(after.ToJsonString(), []);
    }

    /// <summary>A refusal when no field is named, a name is blank or given twice, or a name or value could not be stored as sent (names are trimmed, as the ticket page trims them).</summary>
    private static ServiceResult<int>? CheckCustomFields(IReadOnlyDictionary<string, string?>? values)
    {
        if (values is null || values.Count == 0)
        {
            return ServiceResult<int>.Failure("customFields", "Name at least one custom field.");
        }

        if (values.Keys.Any(string.IsNullOrWhiteSpace))
        {
            return ServiceResult<int>.Failure("customFields", "Every custom field needs a name.");
        }

        if (values.Select(v => TicketRules.CheckCustomField(v.Key.Trim(), v.Value)).FirstOrDefault(e => e is not null) is { } unstorable)
        {
            return ServiceResult<int>.Invalid([unstorable]);
        }

        var twice = values.Keys.GroupBy(k => k.Trim(), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return twice is null ? null : ServiceResult<int>.Failure("customFields", $"The field name \"{twice.Key}\" is given twice.");
    }
}
