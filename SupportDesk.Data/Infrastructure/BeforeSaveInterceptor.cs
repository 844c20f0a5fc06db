using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SupportDesk.Data.Infrastructure;

/// <summary>Runs one piece of work on the change tracker just before every save, sync or async.</summary>
public abstract class BeforeSaveInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        BeforeSave(eventData.Context);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        await BeforeSaveAsync(eventData.Context, cancellationToken);
        return result;
    }

    protected abstract void BeforeSave(DbContext? context);

    /// <summary>The async save's work: the same as <see cref="BeforeSave"/> unless the work reads the database.</summary>
    protected virtual ValueTask BeforeSaveAsync(DbContext? context, CancellationToken cancellationToken)
    {
        BeforeSave(context);
        return ValueTask.CompletedTask;
    }
}
