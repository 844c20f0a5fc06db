using SupportDesk.Data.Infrastructure;

namespace SupportDesk.Web.Api;

/// <summary>One page of a list paged by offset, with the total the filters match so a client knows when to stop.</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, int Total, int Limit, int Offset);

/// <summary>Limit and offset rules shared by the list endpoints (tickets page by cursor, so they check the limit only).</summary>
internal static class ApiPaging
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;

    public static void Check(int limit, int offset, List<FieldError> errors)
    {
        CheckLimit(limit, errors);
        if (offset < 0)
        {
            errors.Add(new FieldError("offset", "Offset cannot be negative."));
        }
    }

    public static void CheckLimit(int limit, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (limit is < 1 or > MaxLimit)
        {
            errors.Add(new FieldError("limit", $"Limit must be between 1 and {MaxLimit}."));
        }
    }
}
