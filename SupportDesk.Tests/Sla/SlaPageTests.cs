using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Sla;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;
using SupportDesk.Web.Components.Admin;

namespace SupportDesk.Tests.Sla;

public sealed class SlaPageTests(DatabaseTemplates templates)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task An_admin_saves_valid_targets_and_sees_why_invalid_ones_are_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var admin = await database.UserAsync(Roles.Admin, "Ada");
        await using var ctx = ComponentHost.Create(database, admin, Roles.Admin);
        ctx.Render<MudPopoverProvider>();
        ctx.Render<MudSnackbarProvider>();
        var page = ctx.Render<SlaPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-policy=Standard]")), Timeout);

        await page.InvokeAsync(() => page.Find("[data-policy=Standard] [data-action=edit]").ClickAsync(new MouseEventArgs()));
        await SetUrgentFirstResponseHoursAsync(page, "2");
        await page.InvokeAsync(() => page.Find("[data-action=save-policy]").ClickAsync(new MouseEventArgs()));

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-sla-editor]")), Timeout);
        Assert.Equal(120, await UrgentFirstResponseMinutesAsync(database));

        await page.InvokeAsync(() => page.Find("[data-policy=Standard] [data-action=edit]").ClickAsync(new MouseEventArgs()));
        await SetUrgentFirstResponseHoursAsync(page, "10");
        await page.InvokeAsync(() => page.Find("[data-action=save-policy]").ClickAsync(new MouseEventArgs()));

        page.WaitForAssertion(
            () => Assert.Equal(
                "The Urgent first response target (10 h) must not be longer than its resolution target (4 h).",
                page.Find("[data-error='urgent.firstResponse']").TextContent.Trim()),
            Timeout);
        Assert.Equal(120, await UrgentFirstResponseMinutesAsync(database));
    }

    private static Task SetUrgentFirstResponseHoursAsync(IRenderedComponent<SlaPage> page, string hours) =>
        page.InvokeAsync(() => page.Find("[data-target='urgent.firstResponse'] .sd-target-hours input").ChangeAsync(new ChangeEventArgs { Value = hours }));

    private static async Task<int> UrgentFirstResponseMinutesAsync(TestDatabase database)
    {
        await using var db = await database.ContextAsync();
        return await db.SlaPolicies.Where(p => p.Id == SlaPolicy.DefaultId).Select(p => p.UrgentFirstResponseMinutes).SingleAsync(Cancel);
    }
}
