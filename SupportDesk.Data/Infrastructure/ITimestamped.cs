namespace SupportDesk.Data.Infrastructure;

/// <summary>Rows whose creation time is stamped by <see cref="TimestampInterceptor"/>.</summary>
public interface ICreationStamped
{
    DateTime CreatedAt { get; set; }
}

/// <summary>Rows whose created and updated times are stamped by <see cref="TimestampInterceptor"/>.</summary>
public interface ITimestamped : ICreationStamped
{
    DateTime UpdatedAt { get; set; }
}
