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

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        BeforeSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    protected abstract void BeforeSave(DbContext? context);
}
