namespace SupportDesk.Data.Infrastructure;

/// <summary>An expected failure tied to an input field (empty field = the whole request).</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>
/// What a service returns: a value, or the reasons it refused. Pages show the messages beside their
/// fields; the API turns them into problem details.
/// </summary>
public sealed record ServiceResult<T>
{
    private ServiceResult(T? value, IReadOnlyList<FieldError> errors, bool notFound)
    {
        Value = value;
        Errors = errors;
        NotFound = notFound;
    }

    public T? Value { get; }
    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>The target does not exist or the actor may not see it (the two are never told apart).</summary>
    public bool NotFound { get; }

    public bool Succeeded => Errors.Count == 0 && !NotFound;

    public static ServiceResult<T> Ok(T value) => new(value, [], false);

    public static ServiceResult<T> Invalid(IReadOnlyList<FieldError> errors) => new(default, errors, false);

    public static ServiceResult<T> Invalid(string field, string message) => new(default, [new FieldError(field, message)], false);

    public static ServiceResult<T> Missing() => new(default, [], true);
}
