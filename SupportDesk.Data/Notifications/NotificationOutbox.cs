using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace SupportDesk.Data.Notifications;

/// <summary>
/// Writes notifications inside the transaction of the change they announce, behind a savepoint:
/// they commit together with the change, yet a failure to write them rolls back only them.
/// </summary>
internal static partial class NotificationOutbox
{
    public static async Task AddAsync(
        SupportDbContext db, IDbContextTransaction transaction, IReadOnlyList<Notification> notifications, ILogger logger, CancellationToken cancellationToken)
    {
        if (notifications.Count == 0)
        {
            return;
        }

        const string savepoint = "notifications";
        await transaction.CreateSavepointAsync(savepoint, cancellationToken);
        db.Notifications.AddRange(notifications);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            await transaction.RollbackToSavepointAsync(savepoint, cancellationToken);
            foreach (var notification in notifications)
            {
                db.Entry(notification).State = EntityState.Detached;
            }

            LogFailed(logger, ex, notifications.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store {Count} notification(s); the ticket change was kept")]
    private static partial void LogFailed(ILogger logger, Exception exception, int count);
}
