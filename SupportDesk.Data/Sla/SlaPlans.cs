using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Infrastructure;

namespace SupportDesk.Data.Sla;

/// <summary>Every policy, read once per operation, and the one rule for which policy measures a ticket.</summary>
public sealed class SlaPlans
{
    private readonly IReadOnlyList<SlaPlan> plans;
    private readonly SlaPlan fallback;

    private SlaPlans(IReadOnlyList<SlaPlan> plans)
    {
        this.plans = plans;
        fallback = plans.FirstOrDefault(p => p.IsDefault) ?? throw new InvalidOperationException("There is no default SLA policy.");
    }

    internal static async Task<SlaPlans> ReadAsync(SupportDbContext db, bool sync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await SyncOrAsync.ToListAsync(db.SlaPolicies.AsNoTracking(), sync, cancellationToken);
        return new SlaPlans([.. rows.Select(SlaPlan.From)]);
    }

    public static Task<SlaPlans> ReadAsync(SupportDbContext db, CancellationToken cancellationToken) => ReadAsync(db, sync: false, cancellationToken);

    /// <summary>The policy of the ticket's category (compared ignoring case, as admins type categories), else the default.</summary>
    public SlaPlan For(string? category) =>
        category is null ? fallback : plans.FirstOrDefault(p => !p.IsDefault && string.Equals(p.Category, category, StringComparison.OrdinalIgnoreCase)) ?? fallback;
}
