using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using SupportDesk.Data.Infrastructure;

namespace SupportDesk.Web.Api;

/// <summary>
/// Turns a refused <see cref="ServiceResult"/> into RFC 7807 problem details: not found (which includes "not yours")
/// is 404, a concurrent change is 409, and anything else is 400 with the messages per (camel-cased) field.
/// </summary>
internal static class ApiProblems
{
    public static ProblemHttpResult For(ServiceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.NotFound)
        {
            return NotFound(result.Message);
        }

        if (result.Conflict)
        {
            return TypedResults.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, title: "Conflict");
        }

        return Invalid(result.Errors);
    }

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not Found");

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    public static ProblemHttpResult Invalid(IReadOnlyList<FieldError> errors)
    {
        var byField = errors
            .GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.Field))
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        return TypedResults.Problem(new HttpValidationProblemDetails(byField)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are not valid.",
            Detail = string.Join(" ", errors.Select(e => e.Message)),
        });
    }

    public static ProblemHttpResult Invalid(string field, string message) => Invalid([new FieldError(field, message)]);
}
