using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data;
using SupportDesk.Data.Access;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;

namespace SupportDesk.Tests.Infrastructure;

/// <summary>Small builders: each test creates exactly the rows it needs.</summary>
public static class TestData
{
    public static async Task<AppUser> UserAsync(this TestDatabase database, string role, string? name = null, bool active = true)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = await database.ContextAsync();
        var email = $"{name ?? role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.test";
        var user = new AppUser
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            FullName = name ?? role,
            IsActive = active,
            SecurityStamp = Guid.NewGuid().ToString(),
        };
        db.Users.Add(user);
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync(TestContext.Current.CancellationToken);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return user;
    }

    public static Actor AsActor(this AppUser user, string role)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new Actor(user.Id, role switch
        {
            Roles.Admin => ActorRole.Admin,
            Roles.Agent => ActorRole.Agent,
            _ => ActorRole.Customer,
        });
    }

    public static async Task<Ticket> TicketAsync(
        this TestDatabase database,
        AppUser creator,
        string title = "Printer on floor 3 is jammed",
        TicketStatus status = TicketStatus.Open,
        TicketPriority priority = TicketPriority.Medium,
        AppUser? assignee = null,
        DateTime? deletedAt = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(creator);
        await using var db = await database.ContextAsync();
        var ticket = new Ticket
        {
            Number = await UnusedNumberAsync(db, database.Clock.GetUtcNow().UtcDateTime),
            Title = title,
            Description = "It shows error 53 and will not print anything.",
            Status = status,
            Priority = priority,
            CreatorId = creator.Id,
            AssigneeId = assignee?.Id,
            DeletedAt = deletedAt,
        };
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return ticket;
    }

    /// <summary>
    /// A new ticket number nobody holds yet. Numbers of one day differ in four random characters, so a test that makes
    /// dozens of tickets on its frozen clock would otherwise meet a taken one about once in a thousand runs; the app's
    /// own ticket creation deals with that itself.
    /// </summary>
    public static async Task<string> UnusedNumberAsync(SupportDbContext db, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(db);
        var number = TicketNumber.New(utcNow);
        while (await db.Tickets.AnyAsync(t => t.Number == number, TestContext.Current.CancellationToken) || db.Tickets.Local.Any(t => t.Number == number))
        {
            number = TicketNumber.New(utcNow);
        }

        return number;
    }

    public static Task SaveAsync(this SupportDbContext db) => db.SaveChangesAsync(TestContext.Current.CancellationToken);
}
