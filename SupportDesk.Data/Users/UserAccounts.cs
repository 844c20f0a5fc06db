using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Infrastructure;

namespace SupportDesk.Data.Users;

/// <summary>A new account's details, as typed by the person or an admin.</summary>
public sealed record NewAccount(string Email, string FullName, string Password, string Role);

/// <summary>
/// Creates accounts: the user and its role in one transaction, so an account never exists without a role.
/// Used by registration (always Customer), the admin page, the first-admin bootstrap and the demo data.
/// A caller that already holds a transaction on the same scoped context (the admin page, which audits the
/// creation) gets the account written inside it; committing is then the caller's job.
/// </summary>
public sealed class UserAccounts(UserManager<AppUser> users, SupportDbContext db)
{
    public async Task<IdentityResult> CreateAsync(NewAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!Roles.All.Contains(account.Role))
        {
            return IdentityResult.Failed(new IdentityError { Code = "Role", Description = $"Unknown role '{account.Role}'." });
        }

        var fullName = account.FullName.Trim();
        if (fullName.Length is 0 or > AppUser.FullNameMaxLength)
        {
            return IdentityResult.Failed(new IdentityError
            {
                Code = "FullName",
                Description = $"Full name is required and at most {AppUser.FullNameMaxLength} characters.",
            });
        }

        var email = account.Email.Trim();
        if ((TextRules.Check(nameof(NewAccount.FullName), "The full name", fullName) ?? TextRules.Check(nameof(NewAccount.Email), "The email", email)) is { } unstorable)
        {
            return IdentityResult.Failed(new IdentityError { Code = unstorable.Field, Description = unstorable.Message });
        }

        var user = new AppUser { UserName = email, Email = email, FullName = fullName, EmailConfirmed = true };
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var result = await users.CreateAsync(user, account.Password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, account.Role);
        }

        if (result.Succeeded && transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            db.ChangeTracker.Clear();
        }

        return result;
    }

    /// <summary>
    /// Self-registration, always as a customer. An email that already has an account succeeds like a new one (nothing
    /// is stored and nobody is signed in), so the form cannot tell anyone who has an account here; a bad name or
    /// password is refused alike for both, because Identity checks the password before it looks for the email.
    /// </summary>
    public async Task<IdentityResult> RegisterCustomerAsync(string email, string fullName, string password, CancellationToken cancellationToken)
    {
        var result = await CreateAsync(new NewAccount(email, fullName, password, Roles.Customer), cancellationToken);
        return !result.Succeeded && result.Errors.All(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))
            ? IdentityResult.Success
            : result;
    }
}
