using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Sla;

/// <summary>
/// SLA policies: admins list, create, edit and delete them. A change recomputes, in the same transaction, the
/// unfinished tickets the policy measured or will measure (<see cref="TicketSlaRefresh"/>, in batches); resolved
/// tickets keep the due times and verdicts they were resolved under.
/// </summary>
public sealed class SlaPolicies(IDbContextFactory<SupportDbContext> contexts, TimeProvider clock)
{
    private const string AdminsOnly = "Only admins can manage SLA policies.";

    public async Task<ServiceResult<IReadOnlyList<SlaPolicyView>>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAdmin)
        {
            return ServiceResult<IReadOnlyList<SlaPolicyView>>.Failure("", AdminsOnly);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.SlaPolicies.AsNoTracking()
            .OrderByDescending(p => p.IsDefault).ThenBy(p => p.Name)
            .Select(p => new { Policy = p, Open = db.Tickets.Count(t => t.SlaPolicyId == p.Id && t.ResolvedAt == null && t.DeletedAt == null) })
            .ToListAsync(cancellationToken);
        return ServiceResult<IReadOnlyList<SlaPolicyView>>.Ok([.. rows.Select(r => View(r.Policy, r.Open))]);
    }

    /// <summary>Every policy ready for arithmetic, for staff pages that show SLA clocks (one read).</summary>
    public async Task<ServiceResult<SlaPlans>> PlansAsync(Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsStaff)
        {
            return ServiceResult<SlaPlans>.Failure("", "Only agents and admins see SLA clocks.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return ServiceResult<SlaPlans>.Ok(await SlaPlans.ReadAsync(db, cancellationToken));
    }

    /// <summary>
    /// How many unfinished tickets a change would recompute: those the policy measures now, and those of the category it
    /// will cover (<paramref name="policyId"/> null for a new policy).
    /// </summary>
    public async Task<ServiceResult<int>> AffectedAsync(Actor actor, int? policyId, string? category, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAdmin)
        {
            return ServiceResult<int>.Failure("", AdminsOnly);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return ServiceResult<int>.Ok(await Covered(db, policyId ?? 0, TicketRules.Clean(category)).CountAsync(t => t.DeletedAt == null, cancellationToken));
    }

    public Task<ServiceResult<int>> CreateAsync(Actor actor, SlaPolicyInput input, AuditSource? source, CancellationToken cancellationToken) =>
        ChangeAsync(actor, source, input, async (db, audit, values) =>
        {
            if (SlaPolicyRules.CategoryRule(isDefault: false, values.Category) is { } categoryError)
            {
                return ServiceResult<int>.Invalid([categoryError]);
            }

            if (await TakenAsync(db, 0, values, cancellationToken) is { } taken)
            {
                return ServiceResult<int>.Invalid(taken);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            db.SlaPolicies.Add(values);
            await db.SaveChangesAsync(cancellationToken);
            db.AuditEntries.Add(SlaPolicyAudit.Entry(audit, values.Id, AuditAction.Create, SlaPolicyAudit.Changes(null, values)));
            await db.SaveChangesAsync(cancellationToken);
            await TicketSlaRefresh.RefreshAsync(db, Covered(db, values.Id, values.Category), now, cancellationToken);
            return ServiceResult<int>.Ok(values.Id);
        }, cancellationToken);

    public Task<ServiceResult<int>> UpdateAsync(Actor actor, int policyId, SlaPolicyInput input, AuditSource? source, CancellationToken cancellationToken) =>
        ChangeAsync(actor, source, input, async (db, audit, values) =>
        {
            var policy = await db.SlaPolicies.FirstOrDefaultAsync(p => p.Id == policyId, cancellationToken);
            if (policy is null)
            {
                return ServiceResult<int>.Missing("SLA policy");
            }

            if (SlaPolicyRules.CategoryRule(policy.IsDefault, values.Category) is { } categoryError)
            {
                return ServiceResult<int>.Invalid([categoryError]);
            }

            if (await TakenAsync(db, policyId, values, cancellationToken) is { } taken)
            {
                return ServiceResult<int>.Invalid(taken);
            }

            var before = (SlaPolicy)db.Entry(policy).CurrentValues.ToObject();
            policy.Name = values.Name;
            policy.Category = values.Category;
            SlaPlan.Write(policy, input.Calendar, input.Targets);
            var changes = SlaPolicyAudit.Changes(before, policy);
            if (changes.Count == 0)
            {
                return ServiceResult<int>.Ok(policyId);
            }

            db.AuditEntries.Add(SlaPolicyAudit.Entry(audit, policyId, AuditAction.Update, changes));
            await db.SaveChangesAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            await TicketSlaRefresh.RefreshAsync(db, Covered(db, policyId, before.Category, policy.Category), now, cancellationToken);
            return ServiceResult<int>.Ok(policyId);
        }, cancellationToken);

    /// <summary>Deletes a category policy; its unfinished tickets fall back to the default policy. The result counts them.</summary>
    public Task<ServiceResult<int>> DeleteAsync(Actor actor, int policyId, AuditSource? source, CancellationToken cancellationToken) =>
        ChangeAsync(actor, source, async (db, audit) =>
        {
            var policy = await db.SlaPolicies.FirstOrDefaultAsync(p => p.Id == policyId, cancellationToken);
            if (policy is null)
            {
                return ServiceResult<int>.Missing("SLA policy");
            }

            if (policy.IsDefault)
            {
                return ServiceResult<int>.Failure("", "The default policy measures every ticket no other policy covers, so it cannot be deleted; change its targets instead.");
            }

            var ids = await Covered(db, policyId, policy.Category).Select(t => t.Id).ToListAsync(cancellationToken);
            db.SlaPolicies.Remove(policy);
            db.AuditEntries.Add(SlaPolicyAudit.Entry(audit, policyId, AuditAction.PermanentDelete, SlaPolicyAudit.Changes(policy, null)));
            await db.SaveChangesAsync(cancellationToken);
            await TicketSlaRefresh.RefreshAsync(db, db.Tickets.Where(t => ids.Contains(t.Id)), clock.GetUtcNow().UtcDateTime, cancellationToken);
            return ServiceResult<int>.Ok(ids.Count);
        }, cancellationToken);

    /// <summary>Unfinished tickets (trashed ones too, so a restored ticket is current) the policy measures or whose category it names.</summary>
    private static IQueryable<Ticket> Covered(SupportDbContext db, int policyId, params string?[] categories)
    {
        var lowered = categories.OfType<string>().Select(c => c.ToLowerInvariant()).Distinct().ToList();
#pragma warning disable CA1304, CA1311 // runs as SQL lower(); the culture overloads do not translate
        return db.Tickets.Where(t => t.ResolvedAt == null
            && (t.SlaPolicyId == policyId || (t.Category != null && lowered.Contains(t.Category.ToLower()))));
#pragma warning restore CA1304, CA1311
    }

    /// <summary>Names and categories are unique ignoring case; policies are few, so they are compared in memory.</summary>
    private static async Task<List<FieldError>?> TakenAsync(SupportDbContext db, int policyId, SlaPolicy values, CancellationToken cancellationToken)
    {
        var others = await db.SlaPolicies.AsNoTracking().Where(p => p.Id != policyId).Select(p => new { p.Name, p.Category }).ToListAsync(cancellationToken);
        var errors = new List<FieldError>();
        if (others.Any(p => string.Equals(p.Name, values.Name, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new FieldError("name", $"A policy named \"{values.Name}\" already exists; choose another name."));
        }

        if (values.Category is not null && others.Any(p => string.Equals(p.Category, values.Category, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new FieldError("category", $"The category \"{values.Category}\" already has a policy; edit that one instead."));
        }

        return errors.Count > 0 ? errors : null;
    }

    /// <summary>Checks the input (refused untouched, before any read), then runs the work in the admin's transaction.</summary>
    private Task<ServiceResult<int>> ChangeAsync(
        Actor actor, AuditSource? source, SlaPolicyInput input, Func<SupportDbContext, AuditSource, SlaPolicy, Task<ServiceResult<int>>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var values = SlaPolicyRules.Check(input, out var errors);
        return ChangeAsync(actor, source, (db, audit) => errors.Count > 0 ? Task.FromResult(ServiceResult<int>.Invalid(errors)) : work(db, audit, values), cancellationToken);
    }

    private Task<ServiceResult<int>> ChangeAsync(
        Actor actor, AuditSource? source, Func<SupportDbContext, AuditSource, Task<ServiceResult<int>>> work, CancellationToken cancellationToken) =>
        AdminChange.RunAsync(contexts, actor, source, AdminsOnly, work, cancellationToken);

    private static SlaPolicyView View(SlaPolicy policy, int open)
    {
        var plan = SlaPlan.From(policy);
        return new SlaPolicyView(policy.Id, policy.Name, policy.IsDefault, policy.Category, plan.Calendar, plan.Targets, open);
    }
}
