using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Data.Demo;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Demo;

public sealed class DemoDataTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Task<bool> SeedAsync(TestDatabase database) =>
        database.InScopeAsync(sp => sp.GetRequiredService<DemoData>().SeedAsync(Cancel));

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Every_demo_login_signs_in_with_the_demo_password_and_has_its_role(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);

        Assert.True(await SeedAsync(database));

        Assert.Equal(1, DemoData.Logins.Count(l => l.Role == Roles.Admin));
        Assert.Equal(3, DemoData.Logins.Count(l => l.Role == Roles.Agent));
        Assert.Equal(8, DemoData.Logins.Count(l => l.Role == Roles.Customer));
        await database.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            foreach (var login in DemoData.Logins)
            {
                var user = await users.FindByEmailAsync(login.Email);
                Assert.NotNull(user);
                Assert.True(user.IsActive, login.Email);
                Assert.Equal([login.Role], await users.GetRolesAsync(user));
                Assert.True(await users.CheckPasswordAsync(user, DemoData.Password), login.Email);
            }

            return true;
        });
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_few_hundred_tickets_fill_the_last_ninety_days_in_every_status(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var now = database.Clock.GetUtcNow().UtcDateTime;

        await SeedAsync(database);

        await using var db = await database.ContextAsync();
        var tickets = await db.Tickets.AsNoTracking()
            .Select(t => new { t.CreatedAt, t.Status, t.Priority, t.AssigneeId, t.Category, t.CustomFields, Tags = t.TicketTags.Count })
            .ToListAsync(Cancel);
        Assert.InRange(tickets.Count, 200, 400);
        Assert.All(tickets, t => Assert.InRange(t.CreatedAt, now.AddDays(-90), now));
        Assert.Contains(tickets, t => t.CreatedAt > now.AddDays(-7));
        Assert.Contains(tickets, t => t.CreatedAt < now.AddDays(-80));
        Assert.Equal(Enum.GetValues<TicketStatus>(), tickets.Select(t => t.Status).Distinct().Order());
        Assert.Equal(Enum.GetValues<TicketPriority>(), tickets.Select(t => t.Priority).Distinct().Order());
        Assert.True(tickets.Count(t => t.Priority == TicketPriority.Urgent) < tickets.Count(t => t.Priority == TicketPriority.Medium));
        Assert.Contains(tickets, t => t.AssigneeId is null);
        Assert.True(tickets.Select(t => t.Category).Distinct().Count() >= 5);
        Assert.Contains(tickets, t => t.CustomFields.Contains("\"order\"", StringComparison.Ordinal));
        Assert.Contains(tickets, t => t.Tags > 0);
        Assert.True(await db.Comments.AnyAsync(c => c.IsInternal, Cancel));
        Assert.Equal(tickets.Count, await db.AuditEntries.CountAsync(a => a.EntityName == nameof(Ticket), Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Every_ticket_has_times_that_agree_with_its_status_and_conversation(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var now = database.Clock.GetUtcNow().UtcDateTime;

        await SeedAsync(database);

        var staff = await StaffIdsAsync(database);
        await using var db = await database.ContextAsync();
        var tickets = await db.Tickets.AsNoTracking()
            .Select(t => new
            {
                t.Number,
                t.Status,
                t.CreatedAt,
                t.UpdatedAt,
                t.FirstResponseAt,
                t.ResolvedAt,
                t.ClosedAt,
                Comments = t.Comments.OrderBy(c => c.CreatedAt).Select(c => new { c.CreatedAt, c.AuthorId, c.IsInternal }).ToList(),
                TagsAddedAt = t.TicketTags.Select(tt => tt.AddedAt).ToList(),
            })
            .ToListAsync(Cancel);

        Assert.Equal(tickets.Count, tickets.Select(t => t.Number).Distinct().Count());
        Assert.All(tickets, t =>
        {
            Assert.True(t.CreatedAt <= (t.FirstResponseAt ?? t.CreatedAt), t.Number);
            Assert.True((t.FirstResponseAt ?? t.CreatedAt) <= (t.ResolvedAt ?? now), t.Number);
            Assert.True((t.ResolvedAt ?? t.CreatedAt) <= (t.ClosedAt ?? now), t.Number);
            Assert.Equal(t.Status is TicketStatus.Resolved or TicketStatus.Closed, t.ResolvedAt is not null);
            Assert.Equal(t.Status == TicketStatus.Closed, t.ClosedAt is not null);
            Assert.Equal(t.Comments.FirstOrDefault(c => !c.IsInternal && staff.Contains(c.AuthorId))?.CreatedAt, t.FirstResponseAt);

            var activity = t.Comments.Select(c => c.CreatedAt).Concat(t.TagsAddedAt).ToList();
            Assert.All(activity, at => Assert.InRange(at, t.CreatedAt, t.UpdatedAt));
            var latest = activity.Append(t.CreatedAt).Append(t.ResolvedAt ?? t.CreatedAt).Append(t.ClosedAt ?? t.CreatedAt).Max();
            Assert.Equal(latest, t.UpdatedAt);
            Assert.True(t.UpdatedAt <= now, t.Number);
            Assert.Equal(DateTimeKind.Utc, t.CreatedAt.Kind);
        });
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Seeding_again_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        Assert.True(await SeedAsync(database));
        var before = await CountsAsync(database);

        database.Clock.Advance(TimeSpan.FromDays(1));
        Assert.False(await SeedAsync(database));

        Assert.Equal(before, await CountsAsync(database));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_helpdesk_that_already_has_tickets_gets_no_demo_data(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer);
        await database.TicketAsync(customer);

        Assert.False(await SeedAsync(database));

        await using var db = await database.ContextAsync();
        Assert.Equal(1, await db.Tickets.CountAsync(Cancel));
        Assert.Equal(1, await db.Users.CountAsync(Cancel));
    }

    private static async Task<HashSet<string>> StaffIdsAsync(TestDatabase database)
    {
        await using var db = await database.ContextAsync();
        var emails = DemoData.Logins.Where(l => l.Role != Roles.Customer).Select(l => l.Email).ToList();
        return [.. await db.Users.Where(u => emails.Contains(u.Email!)).Select(u => u.Id).ToListAsync(Cancel)];
    }

    private static async Task<(int Users, int Tickets, int Comments, int Tags, int TicketTags, int Audit)> CountsAsync(TestDatabase database)
    {
        await using var db = await database.ContextAsync();
        return (
            await db.Users.CountAsync(Cancel),
            await db.Tickets.CountAsync(Cancel),
            await db.Comments.CountAsync(Cancel),
            await db.Tags.CountAsync(Cancel),
            await db.TicketTags.CountAsync(Cancel),
            await db.AuditEntries.CountAsync(Cancel));
    }
}
