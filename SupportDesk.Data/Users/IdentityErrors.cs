using Microsoft.AspNetCore.Identity;
using SupportDesk.Data.Infrastructure;

namespace SupportDesk.Data.Users;

/// <summary>Turns Identity's errors into field errors named after <see cref="NewAccount"/>'s properties.</summary>
internal static class IdentityErrors
{
    public static ServiceResult ToResult(IdentityResult result)
    {
        var errors = result.Errors.ToList();
        // The user name is the email here, so a duplicate or invalid email is reported twice; keep the email's wording.
        if (errors.Exists(e => e.Code.Contains("Email", StringComparison.Ordinal)))
        {
            errors.RemoveAll(e => e.Code.Contains("UserName", StringComparison.Ordinal));
        }

        return errors.Count == 0
            ? ServiceResult.Failure("", "The account could not be saved.")
            : new([.. errors.Select(e => new FieldError(FieldOf(e.Code), e.Description))]);
    }

    private static string FieldOf(string code) =>
        code.StartsWith("Password", StringComparison.Ordinal) ? nameof(NewAccount.Password)
        : code.Contains("Email", StringComparison.Ordinal) || code.Contains("UserName", StringComparison.Ordinal) ? nameof(NewAccount.Email)
        : code is nameof(NewAccount.Role) or nameof(NewAccount.FullName) ? code
        : "";
}
