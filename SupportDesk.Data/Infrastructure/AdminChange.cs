using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Audit;

namespace SupportDesk.Data.Infrastructure;

/// <summary>
/// An admin's change to a catalog (tags, SLA policies): refused with the given message for anyone else,
/// otherwise run in one context and one transaction, committed only when the work succeeds. Every audit entry the
/// save writes carries the same source as the change's own.
/// </summary>
internal static class AdminChange
{
    public static async Task<ServiceResult<int>> RunAsync(
        IDbContextFactory<SupportDbContext> contexts, Actor actor, AuditSource? source, string refusal,
        Func<SupportDbContext, AuditSource, Task<ServiceResult<int>>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(work);
        if (!actor.IsAdmin)
        {
            return ServiceResult<int>.Failure("", refusal);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var audit = source ?? new AuditSource(actor.UserId);
        db.AuditSource = audit;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work(db, audit);
        if (result.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return result;
    }
}
