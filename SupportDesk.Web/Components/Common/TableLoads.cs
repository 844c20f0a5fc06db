using MudBlazor;

namespace SupportDesk.Web.Components.Common;

public static class TableLoads
{
    /// <summary>
    /// Runs a MudTable server load. MudTable cancels a load when a newer one starts (typing, paging) but does
    /// not catch the cancellation, which would end the circuit; a cancelled load keeps showing the last page.
    /// </summary>
    public static async Task<TableData<T>> KeepLastIfCancelledAsync<T>(
        Func<Task<TableData<T>>> load, TableData<T> last, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        try
        {
            return await load();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return last;
        }
    }
}
