using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Users;

public sealed class UserAccountsTests(DatabaseTemplates templates)
{
    private static Task<IdentityResult> CreateAsync(TestDatabase database, NewAccount account) =>
        database.InScopeAsync(sp => sp.GetRequiredService<UserAccounts>().CreateAsync(account, TestContext.Current.CancellationToken));

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_new_account_gets_its_role_and_a_hashed_password(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);

        var result = await CreateAsync(database, new NewAccount(" dana@example.test ", "Dana Agent", "correct-horse-1", Roles.Agent));

        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
        await database.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync("dana@example.test");
            Assert.NotNull(user);
            Assert.True(user.IsActive);
            Assert.Equal(["Agent"], await users.GetRolesAsync(user));
            Assert.DoesNotContain("correct-horse-1", user.PasswordHash, StringComparison.Ordinal);
            Assert.True(await users.CheckPasswordAsync(user, "correct-horse-1"));
            return true;
        });
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_second_account_with_the_same_email_is_refused_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        await CreateAsync(database, new NewAccount("erin@example.test", "Erin", "correct-horse-1", Roles.Customer));

        var result = await CreateAsync(database, new NewAccount("ERIN@example.test", "Erin Again", "correct-horse-2", Roles.Admin));

        Assert.False(result.Succeeded);
        await using var db = await database.ContextAsync();
        Assert.Equal(1, await db.Users.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, await db.UserRoles.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Passwords_shorter_than_eight_characters_are_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);

        var result = await CreateAsync(database, new NewAccount("finn@example.test", "Finn", "Sh0rt!", Roles.Customer));

        Assert.Contains(result.Errors, e => e.Code == "PasswordTooShort");
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task An_unknown_role_or_a_blank_name_is_refused_with_its_reason(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);

        var badRole = await CreateAsync(database, new NewAccount("gus@example.test", "Gus", "correct-horse-1", "Superuser"));
        var blankName = await CreateAsync(database, new NewAccount("gus@example.test", "   ", "correct-horse-1", Roles.Customer));

        Assert.Equal("Unknown role 'Superuser'.", Assert.Single(badRole.Errors).Description);
        Assert.StartsWith("Full name is required", Assert.Single(blankName.Errors).Description, StringComparison.Ordinal);
    }
}
