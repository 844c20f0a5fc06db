using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.Components.Portal;

namespace SupportDesk.Tests.Attachments;

/// <summary>Choosing files on the portal's new-ticket form.</summary>
public sealed class FilePickerTests(DatabaseTemplates templates)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_screenshot_chosen_on_the_new_ticket_form_is_listed_with_its_size_and_stored_with_the_ticket()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        await using var ctx = ComponentHost.Create(database, customer, Roles.Customer);
        ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<NewTicket>();
        Assert.Equal("Attach files", page.Find("label[for='ticket-files']").TextContent.Trim());
        Assert.True(page.Find("input#ticket-files[type='file']").HasAttribute("multiple"));

        await page.InvokeAsync(() => page.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(TestFiles.PngBytes, "blank screen.png", contentType: "image/png")));
        page.WaitForAssertion(() => Assert.Equal("blank screen.png · 70 bytes", page.Find("[data-chosen-file]").TextContent.Trim()), Timeout);
        await page.Find("#ticket-title").ChangeAsync(new ChangeEventArgs { Value = "Screen goes blank" });
        await page.Find("#ticket-description").ChangeAsync(new ChangeEventArgs { Value = "After login the screen turns blank." });
        await page.FindAll("button").Single(b => b.TextContent.Trim() == "Submit ticket").ClickAsync(new MouseEventArgs());

        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Contains("/tickets/", navigation.Uri, StringComparison.Ordinal), Timeout);
        await using var db = await database.ContextAsync();
        var stored = await db.Attachments.SingleAsync(Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(("blank screen.png", "image/png", 70L, null), (stored.FileName, stored.ContentType, stored.SizeBytes, stored.CommentId));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_when_chosen_with_a_message_and_never_sent()
    {
        await using var database = await TestDatabase.CreateAsync(templates, DatabaseProvider.Sqlite);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        await using var ctx = ComponentHost.Create(database, customer, Roles.Customer);
        ctx.Render<MudPopoverProvider>();
        var page = ctx.Render<NewTicket>();

        await page.InvokeAsync(() => page.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(TestFiles.PngBytes, "shot.png", contentType: "image/png"),
            InputFileContent.CreateFromBinary(new byte[12 * 1024 * 1024], "disk.iso", contentType: "application/octet-stream")));

        page.WaitForAssertion(
            () => Assert.Equal(
                "disk.iso is 12 MB, more than the 10 MB limit for attachments, so it was not added.",
                page.Find("[data-refused-file]").TextContent.Trim()),
            Timeout);
        Assert.Equal(["shot.png · 70 bytes"], page.FindAll("[data-chosen-file]").Select(c => c.TextContent.Trim()));
        Assert.Contains("Up to 10 files, each at most 10 MB.", page.Markup, StringComparison.Ordinal);
    }
}
