namespace SupportDesk.Data.Infrastructure;

/// <summary>An expected failure tied to an input field (empty field = the whole request).</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>
/// What a service returns: success, or the reasons it refused. Pages show the messages beside their
/// fields; the API turns them into problem details.
/// </summary>
public record ServiceResult(IReadOnlyList<FieldError> Errors)
{
    public static ServiceResult Success { get; } = new([]);

    public bool NotFound { get; init; }

    public bool Conflict { get; init; }

    public bool Succeeded => Errors.Count == 0;

    /// <summary>All messages in one line, for a snackbar.</summary>
    public string Message => string.Join(" ", Errors.Select(e => e.Message));

    public static ServiceResult Failure(string field, string message) => new([new FieldError(field, message)]);
}

/// <summary>A service result that carries a value on success.</summary>
public sealed record ServiceResult<T>(T? Value, IReadOnlyList<FieldError> Errors) : ServiceResult(Errors)
{
    public static ServiceResult<T> Ok(T value) => new(value, []);

    /// <summary>The target does not exist or the actor may not see it: the two are never told apart.</summary>
    public static ServiceResult<T> Missing(string what) => new(default, [new FieldError("", $"{what} not found.")]) { NotFound = true };

    /// <summary>Someone else saved the target since the caller read it.</summary>
    public static ServiceResult<T> Conflicted(string message) => new(default, [new FieldError("", message)]) { Conflict = true };

    public static ServiceResult<T> Invalid(IReadOnlyList<FieldError> errors) => new(default, errors);

    public static new ServiceResult<T> Failure(string field, string message) => new(default, [new FieldError(field, message)]);
}
