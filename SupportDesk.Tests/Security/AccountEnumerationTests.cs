using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Security;

/// <summary>
/// The account forms answer an email that has an account exactly as one that has none (same status, same place, same
/// words), so none of them tells a stranger who is a customer here.
/// </summary>
public sealed partial class AccountEnumerationTests(DatabaseTemplates templates)
{
    private const string Unknown = "nobody@example.test";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Logging_in_answers_a_wrong_password_an_unknown_email_and_a_locked_account_alike()
    {
        await using var desk = await SecurityDesk.CreateAsync(templates);
        var known = desk.User(Visitor.CustomerA).Email!;
        using var browser = desk.Browser();

        var unknown = await LogInAsync(browser, Unknown, "wrong-password-9");
        var wrong = await LogInAsync(browser, known, "wrong-password-9");
        for (var i = 0; i < 4; i++)
        {
            await LogInAsync(browser, known, "wrong-password-9");
        }

        var locked = await LogInAsync(browser, known, SecurityDesk.Password);
        var unknownAgain = await LogInAsync(browser, Unknown, SecurityDesk.Password);

        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Contains("Invalid login attempt", unknown.Message, StringComparison.Ordinal);
        Assert.All([wrong, locked, unknownAgain], answer => Assert.Equal(unknown, answer));
    }

    [Fact]
    public async Task Registering_an_email_that_has_an_account_looks_like_registering_a_new_one_and_changes_nothing()
    {
        await using var desk = await SecurityDesk.CreateAsync(templates);
        var existing = desk.User(Visitor.CustomerA);
        using var first = desk.Browser();
        using var second = desk.Browser();

        var taken = await RegisterAsync(first, existing.Email!);
        var fresh = await RegisterAsync(second, "newcomer@example.test");

        Assert.Equal(HttpStatusCode.Redirect, fresh.Status);
        Assert.Equal(fresh, taken);
        Assert.Contains("Thank you for registering", fresh.Message, StringComparison.Ordinal);
        await using var scope = desk.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var stored = (await users.FindByEmailAsync(existing.Email!))!;
        Assert.Equal((existing.FullName, existing.SecurityStamp), (stored.FullName, stored.SecurityStamp));
        Assert.True(await users.CheckPasswordAsync(stored, SecurityDesk.Password));
        Assert.NotNull(await users.FindByEmailAsync("newcomer@example.test"));
    }

    [Fact]
    public async Task Forgot_password_reset_password_and_confirmation_pages_answer_any_email_alike()
    {
        await using var desk = await SecurityDesk.CreateAsync(templates);
        var known = desk.User(Visitor.CustomerA).Email!;
        using var browser = desk.Browser();

        foreach (var (path, form, fields) in new (string, string, Func<string, Dictionary<string, string>>)[]
        {
            ("/Account/ForgotPassword", "forgot-password", email => new() { ["Input.Email"] = email }),
            ("/Account/ResendEmailConfirmation", "resend-email-confirmation", email => new() { ["Input.Email"] = email }),
            ("/Account/ResetPassword?code=bm90LWEtY29kZQ", "reset-password", email => new()
            {
                ["Input.Email"] = email, ["Input.Password"] = "long-enough-password-1", ["Input.ConfirmPassword"] = "long-enough-password-1",
            }),
        })
        {
            using var forKnown = await AccountForms.PostAsync(browser, path, form, fields(known));
            using var forUnknown = await AccountForms.PostAsync(browser, path, form, fields(Unknown));
            Assert.Equal(await AnswerAsync(forUnknown), await AnswerAsync(forKnown));
        }

        using var confirmKnown = await browser.GetAsync(new Uri($"/Account/RegisterConfirmation?email={Uri.EscapeDataString(known)}", UriKind.Relative), Cancel);
        using var confirmUnknown = await browser.GetAsync(new Uri($"/Account/RegisterConfirmation?email={Unknown}", UriKind.Relative), Cancel);
        Assert.Equal(await AnswerAsync(confirmUnknown), await AnswerAsync(confirmKnown));
        Assert.DoesNotContain(desk.User(Visitor.CustomerA).Id, await confirmKnown.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    private static async Task<Answer> LogInAsync(HttpClient browser, string email, string password)
    {
        using var response = await AccountForms.PostAsync(browser, "/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.False(SignedIn(response), $"{email} was signed in");
        return await AnswerAsync(response);
    }

    private static async Task<Answer> RegisterAsync(HttpClient browser, string email)
    {
        using var response = await AccountForms.PostAsync(browser, "/Account/Register", "register", new()
        {
            ["Input.Email"] = email,
            ["Input.FullName"] = "Eve Prober",
            ["Input.Password"] = "probing-password-7",
            ["Input.ConfirmPassword"] = "probing-password-7",
        });
        Assert.False(SignedIn(response), $"Registering {email} signed the browser in");
        var answer = await AnswerAsync(response);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            return answer;
        }

        // The words are shown on the page the answer leads to.
        var page = await browser.GetStringAsync(response.Headers.Location, Cancel);
        return answer with { Message = AlertText(page) };
    }

    /// <summary>What the visitor can tell apart: the status, where a redirect leads, and the alert's words on the page.</summary>
    private static async Task<Answer> AnswerAsync(HttpResponseMessage response) =>
        new(response.StatusCode, response.Headers.Location?.ToString(), AlertText(await response.Content.ReadAsStringAsync(Cancel)));

    private static string AlertText(string html) => string.Join(" | ", Alert().Matches(html).Select(m => WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", "").Trim())));

    private static bool SignedIn(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));

    private sealed record Answer(HttpStatusCode Status, string? Location, string Message);

    [GeneratedRegex("role=\"alert\"[^>]*>(.*?)</(?:div|p|ul)>", RegexOptions.Singleline)]
    private static partial Regex Alert();
}
