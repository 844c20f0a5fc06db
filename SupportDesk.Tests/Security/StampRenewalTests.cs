using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Security;

/// <summary>
/// Every request checks the cookie's security stamp, so a page that changes the stamp of the person using it must renew
/// their cookie, or their own next click signs them out.
/// </summary>
public sealed partial class StampRenewalTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_factor_and_password_pages_keep_their_user_signed_in()
    {
        await using var desk = await SecurityDesk.CreateAsync(templates);
        await desk.AccountAsync("tess@example.test", "Tess", Roles.Customer);
        using var client = await desk.SignInAsync("tess@example.test");

        var enablePage = await client.GetStringAsync(new Uri("/Account/Manage/EnableAuthenticator", UriKind.Relative), Cancel);
        var sharedKey = SharedKey().Match(enablePage).Groups[1].Value;
        await PostAsync(client, "/Account/Manage/EnableAuthenticator", "send-code", new() { ["Input.Code"] = AuthenticatorCodes.Now(sharedKey) }, HttpStatusCode.OK);
        await CheckAsync(client, "enabling the authenticator");
        Assert.True(await TwoFactorEnabledAsync(desk, "tess@example.test"));

        await PostAsync(client, "/Account/Manage/GenerateRecoveryCodes", "generate-recovery-codes", [], HttpStatusCode.OK);
        await CheckAsync(client, "new recovery codes");

        await PostAsync(client, "/Account/Manage/Disable2fa", "disable-2fa", [], HttpStatusCode.Redirect);
        await CheckAsync(client, "disabling two-factor sign-in");
        Assert.False(await TwoFactorEnabledAsync(desk, "tess@example.test"));

        await PostAsync(client, "/Account/Manage/ResetAuthenticator", "reset-authenticator", [], HttpStatusCode.Redirect);
        await CheckAsync(client, "resetting the authenticator key");

        await PostAsync(client, "/Account/Manage/ChangePassword", "change-password", new()
        {
            ["Input.OldPassword"] = SecurityDesk.Password,
            ["Input.NewPassword"] = "another-password-2",
            ["Input.ConfirmPassword"] = "another-password-2",
        }, HttpStatusCode.Redirect);
        await CheckAsync(client, "changing the password");
    }

    [Fact]
    public async Task Renaming_and_deleting_a_passkey_keep_its_user_signed_in()
    {
        await using var desk = await SecurityDesk.CreateAsync(templates);
        var user = await desk.AccountAsync("pia@example.test", "Pia", Roles.Customer);
        byte[] credentialId = [1, 2, 3, 4, 5, 6, 7, 8];
        await using (var scope = desk.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var passkey = new UserPasskeyInfo(credentialId, [9, 9, 9], DateTimeOffset.UtcNow, 0, [], true, false, false, [1], [2]);
            var added = await users.AddOrUpdatePasskeyAsync((await users.FindByIdAsync(user.Id))!, passkey);
            Assert.True(added.Succeeded);
        }

        using var client = await desk.SignInAsync("pia@example.test");
        var id = System.Buffers.Text.Base64Url.EncodeToString(credentialId);

        await PostAsync(client, $"/Account/Manage/RenamePasskey/{id}", "rename-passkey", new() { ["Input.Name"] = "Work laptop" }, HttpStatusCode.Redirect);
        await CheckAsync(client, "renaming the passkey");
        await using var check = desk.App.Services.CreateAsyncScope();
        var manager = check.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        // Delete asks first, naming the passkey, and deletes nothing until confirmed.
        using (var asked = await AccountForms.PostAsync(client, "/Account/Manage/Passkeys", $"update-passkey-{id}", new() { ["Action"] = "delete", ["CredentialId"] = id }))
        {
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
            Assert.Contains("Delete the passkey <strong>Work laptop</strong>?", await asked.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        Assert.Single(await manager.GetPasskeysAsync((await manager.FindByIdAsync(user.Id))!));
        await PostAsync(client, "/Account/Manage/Passkeys", $"update-passkey-{id}", new() { ["Action"] = "confirm-delete", ["CredentialId"] = id }, HttpStatusCode.Redirect);
        await CheckAsync(client, "deleting the passkey");
        Assert.Empty(await manager.GetPasskeysAsync((await manager.FindByIdAsync(user.Id))!));
    }

    private static async Task PostAsync(HttpClient client, string path, string form, Dictionary<string, string> fields, HttpStatusCode expected)
    {
        using var response = await AccountForms.PostAsync(client, path, form, fields);
        Assert.True(response.StatusCode == expected, $"{path}: expected {expected}, got {response.StatusCode} {response.Headers.Location}");
    }

    /// <summary>The next page still opens: after a changed stamp without a renewed cookie it would redirect to the login page.</summary>
    private static async Task CheckAsync(HttpClient client, string change)
    {
        using var response = await client.GetAsync(new Uri("/Account/Manage", UriKind.Relative), Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Signed out by their own change, {change}: {(int)response.StatusCode} {response.Headers.Location}");
    }

    private static async Task<bool> TwoFactorEnabledAsync(SecurityDesk desk, string email)
    {
        await using var scope = desk.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.GetTwoFactorEnabledAsync((await users.FindByEmailAsync(email))!);
    }

    [GeneratedRegex("<kbd>([^<]+)</kbd>")]
    private static partial Regex SharedKey();
}
