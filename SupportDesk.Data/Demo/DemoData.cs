using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Tags;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;

namespace SupportDesk.Data.Demo;

/// <summary>A demo account, for the README and the tests.</summary>
public sealed record DemoLogin(string Email, string FullName, string Role, string Password);

/// <summary>
/// Seeds a living helpdesk for first-time users: staff and customer logins and a few hundred tickets
/// from the last 90 days with conversations, internal notes, tags and audit rows. Does nothing once seeded.
/// </summary>
public sealed class DemoData(
    UserAccounts accounts,
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IDbContextFactory<SupportDbContext> contexts,
    TimeProvider clock)
{
    /// <summary>Meets the password rules: eight characters, a digit and a lower-case letter.</summary>
    public const string Password = "Demo-pass-1";

    public const string AdminEmail = "admin@supportdesk.local";
    public const int TicketCount = 300;

    // Large enough to keep round trips few, small enough to keep the change tracker cheap.
    private const int BatchSize = 100;

    public static readonly IReadOnlyList<DemoLogin> Logins =
    [
        new(AdminEmail, "Alex Morgan", Roles.Admin, Password),
        new("agent1@supportdesk.local", "Maya Patel", Roles.Agent, Password),
        new("agent2@supportdesk.local", "Jonas Becker", Roles.Agent, Password),
        new("agent3@supportdesk.local", "Lucía Romero", Roles.Agent, Password),
        new("emma.larsen@example.com", "Emma Larsen", Roles.Customer, Password),
        new("david.okafor@example.com", "David Okafor", Roles.Customer, Password),
        new("sophie.martin@example.com", "Sophie Martin", Roles.Customer, Password),
        new("kenji.tanaka@example.com", "Kenji Tanaka", Roles.Customer, Password),
        new("olivia.brown@example.com", "Olivia Brown", Roles.Customer, Password),
        new("marco.rossi@example.com", "Marco Rossi", Roles.Customer, Password),
        new("aisha.rahman@example.com", "Aisha Rahman", Roles.Customer, Password),
        new("liam.murphy@example.com", "Liam Murphy", Roles.Customer, Password),
    ];

    /// <summary>Returns true when it seeded, false when demo data (or real tickets) were already there.</summary>
    public async Task<bool> SeedAsync(CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var normalizedAdmin = users.NormalizeEmail(AdminEmail);
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalizedAdmin, cancellationToken)
                || await db.Tickets.AnyAsync(cancellationToken))
            {
                return false;
            }
        }

        await RoleSetup.EnsureAllAsync(roles);
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = await EnsureUsersAsync(Logins.Where(l => l.Email != AdminEmail), cancellationToken);
        var cast = new DemoCast(
            [.. Logins.Where(l => l.Role == Roles.Customer).Select(l => ids[l.Email])],
            [.. Logins.Where(l => l.Role == Roles.Agent).Select(l => ids[l.Email])]);
        await WriteHistoryAsync(cast, now, cancellationToken);

        // The admin comes last: its presence is what marks a finished seed.
        var admin = await EnsureUsersAsync(Logins.Where(l => l.Email == AdminEmail), cancellationToken);
        await BackdateAsync([.. ids.Values, .. admin.Values], now, cancellationToken);
        return true;
    }

    /// <summary>Creates the accounts that do not exist yet, so a seed cut short can be run again.</summary>
    private async Task<Dictionary<string, string>> EnsureUsersAsync(IEnumerable<DemoLogin> logins, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var login in logins)
        {
            var user = await users.FindByEmailAsync(login.Email);
            if (user is null)
            {
                ThrowOnFailure(await accounts.CreateAsync(new NewAccount(login.Email, login.FullName, login.Password, login.Role), cancellationToken), login.Email);
                user = await users.FindByEmailAsync(login.Email) ?? throw new InvalidOperationException($"Demo user {login.Email} was not stored.");
            }

            ids[login.Email] = user.Id;
        }

        return ids;
    }

    private async Task WriteHistoryAsync(DemoCast cast, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // One transaction: a seed cut short leaves no half history, so the next start seeds again.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tagIds = await EnsureTagsAsync(db, now - DemoHistory.Window, cancellationToken);
        var history = new DemoHistory(cast, tagIds, now);

        // Ids follow creation time, as they would have in a real helpdesk.
        var tickets = Enumerable.Range(0, TicketCount).Select(_ => history.Next()).OrderBy(t => t.CreatedAt).ToList();
        foreach (var batch in tickets.Chunk(BatchSize))
        {
            // The audit interceptor writes each ticket's Create entry, dated and attributed from the ticket.
            db.ChangeTracker.Clear();
            db.Tickets.AddRange(batch);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Keeps tags someone already made under the same names; adds the rest.</summary>
    private static async Task<Dictionary<string, int>> EnsureTagsAsync(SupportDbContext db, DateTime createdAt, CancellationToken cancellationToken)
    {
        var names = DemoCatalog.Tags.Select(t => t.Name).ToList();
        var existing = await db.Tags.Where(t => names.Contains(t.Name)).Select(t => t.Name).ToListAsync(cancellationToken);
        db.Tags.AddRange(DemoCatalog.Tags
            .Where(t => !existing.Contains(t.Name, StringComparer.Ordinal))
            .Select(t => new Tag { Name = t.Name, Color = t.Color, Description = t.Description, CreatedAt = createdAt }));
        await db.SaveChangesAsync(cancellationToken);
        return await db.Tags.Where(t => names.Contains(t.Name)).ToDictionaryAsync(t => t.Name, t => t.Id, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>The demo people joined before their history began, not on the day it was seeded.</summary>
    private async Task BackdateAsync(IReadOnlyCollection<string> userIds, DateTime now, CancellationToken cancellationToken)
    {
        var joined = now - DemoHistory.Window - TimeSpan.FromDays(30);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => userIds.Contains(u.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.CreatedAt, joined).SetProperty(u => u.UpdatedAt, joined), cancellationToken);
    }

    private static void ThrowOnFailure(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo data: could not create {what}: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
