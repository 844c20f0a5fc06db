using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Security;

/// <summary>Every form that sets a password refuses one shorter than eight characters and keeps the old one (registering is in RegistrationTests).</summary>
public sealed class PasswordLengthTests(DatabaseTemplates templates)
{
    private const string SevenCharacters = "short12";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Changing_or_resetting_to_a_seven_character_password_is_refused_and_the_old_one_still_works()
    {
        await using var desk = await SecurityDesk.CreateAsync(templates);
        var email = desk.User(Visitor.CustomerA).Email!;
        var client = desk.BrowserOf(Visitor.CustomerA);

        using var changed = await AccountForms.PostAsync(client, "/Account/Manage/ChangePassword", "change-password", new()
        {
            ["Input.OldPassword"] = SecurityDesk.Password,
            ["Input.NewPassword"] = SevenCharacters,
            ["Input.ConfirmPassword"] = SevenCharacters,
        });
        using var stranger = desk.Browser();
        using var reset = await AccountForms.PostAsync(stranger, $"/Account/ResetPassword?code={await ResetCodeAsync(desk, email)}", "reset-password", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = SevenCharacters,
            ["Input.ConfirmPassword"] = SevenCharacters,
        });

        foreach (var response in new[] { changed, reset })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("must be at least 8", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel)), StringComparison.Ordinal);
        }

        await using var scope = desk.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        Assert.True(await users.CheckPasswordAsync(user, SecurityDesk.Password));
        Assert.False(await users.CheckPasswordAsync(user, SevenCharacters));
    }

    /// <summary>The code the reset email would carry, encoded as the link carries it.</summary>
    private static async Task<string> ResetCodeAsync(SecurityDesk desk, string email)
    {
        await using var scope = desk.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var token = await users.GeneratePasswordResetTokenAsync((await users.FindByEmailAsync(email))!);
        return WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
    }
}
