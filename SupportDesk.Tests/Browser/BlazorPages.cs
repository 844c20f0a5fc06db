using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SupportDesk.Tests.Browser;

/// <summary>What a person does on SupportDesk's pages, said once: open a page once it answers clicks, log in, pick from a list.</summary>
public static class BlazorPages
{
    /// <summary>
    /// True once the circuit is up and the renderer has taken over the prerendered page: Blazor sets
    /// <c>Blazor.disconnect</c> when the circuit has started, and keeps an element's event handlers in a
    /// <c>_blazorEvents_N</c> property once it has attached them (the layout's menu button always has one).
    /// A click on prerendered HTML before that would do nothing.
    /// </summary>
    private const string Interactive = """
        () => !!(window.Blazor && window.Blazor.disconnect)
            && [...document.querySelectorAll('button')].some(e => Object.keys(e).some(k => k.startsWith('_blazorEvents_')))
        """;

    /// <summary>Opens an interactive page and waits until it answers clicks.</summary>
    public static async Task OpenAsync(this IPage page, string path)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
    }

    public static async Task WaitForInteractiveAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.WaitForFunctionAsync(Interactive);
    }

    /// <summary>Logs in on the login form and waits for the page it leads to.</summary>
    public static async Task LogInAsync(this IPage page, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("/Account/Login", RegexOptions.IgnoreCase));
        await page.WaitForInteractiveAsync();
    }

    /// <summary>Opens the drop-down list labelled <paramref name="label"/> within <paramref name="scope"/> and picks <paramref name="option"/>.</summary>
    public static async Task ChooseAsync(this IPage page, ILocator scope, string label, string option)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(scope);
        await scope.GetByLabel(label, new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    /// <summary>
    /// Chooses files on the file input labelled <paramref name="label"/>, once Blazor has wired it up
    /// (it marks the input with <c>_blazorInputFileNextFileId</c>); a choice made before that is lost.
    /// </summary>
    public static async Task AttachAsync(this IPage page, string label, params FilePayload[] files)
    {
        ArgumentNullException.ThrowIfNull(page);
        var input = page.GetByLabel(label);
        await page.WaitForFunctionAsync("e => e._blazorInputFileNextFileId !== undefined", await input.ElementHandleAsync());
        await input.SetInputFilesAsync(files);
    }
}
