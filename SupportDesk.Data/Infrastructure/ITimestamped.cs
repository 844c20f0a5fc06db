namespace SupportDesk.Data.Infrastructure;

/// <summary>Entities whose created/updated times are stamped by <see cref="TimestampInterceptor"/>.</summary>
public interface ITimestamped
{
    DateTime CreatedAt { get; set; }
    DateTime UpdatedAt { get; set; }
}
