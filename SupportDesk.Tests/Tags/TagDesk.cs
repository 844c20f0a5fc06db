using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Access;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Tags;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Tags;

internal sealed record StoredTag(int Id, string Name, string Color, string? Description, DateTime CreatedAt);

/// <summary>A test database with a customer, an agent and an admin, and small helpers for tagged tickets.</summary>
internal sealed record TagDesk(TestDatabase Database, AppUser CustomerUser, Actor Agent, AppUser AdminUser, Actor Admin) : IAsyncDisposable
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public TagCatalog Catalog => Database.Get<TagCatalog>();

    public static async Task<TagDesk> CreateAsync(DatabaseTemplates templates, DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var agent = await database.UserAsync(Roles.Agent, "Maya");
        var admin = await database.UserAsync(Roles.Admin, "Ada");
        return new TagDesk(database, customer, agent.AsActor(Roles.Agent), admin, admin.AsActor(Roles.Admin));
    }

    /// <summary>A customer's ticket tagged by the agent, as the side panel tags it; <paramref name="trashed"/> moves it to the trash afterwards.</summary>
    public async Task<Ticket> TicketAsync(
        string title, string[] tags, TicketStatus status = TicketStatus.Open, TicketPriority priority = TicketPriority.Medium, bool trashed = false)
    {
        var ticket = await Database.TicketAsync(CustomerUser, title, status, priority);
        var tagged = await Database.Get<TicketFieldChanges>().UpdateAsync(Agent, ticket.Number, new TicketFieldsUpdate(Tags: tags), null, null, Cancel);
        Assert.True(tagged.Succeeded, tagged.Message);
        if (trashed)
        {
            var deleted = await Database.Get<TicketTrash>().SoftDeleteAsync(Agent, ticket.Number, null, Cancel);
            Assert.True(deleted.Succeeded, deleted.Message);
        }

        return ticket;
    }

    public async Task<int> TagIdAsync(string name)
    {
        await using var db = await Database.ContextAsync();
        return await db.Tags.Where(t => t.Name == name).Select(t => t.Id).SingleAsync(Cancel);
    }

    /// <summary>Every stored tag, as values, so two reads compare equal when nothing changed.</summary>
    public async Task<List<StoredTag>> TagsAsync()
    {
        await using var db = await Database.ContextAsync();
        return await db.Tags.OrderBy(t => t.Id).Select(t => new StoredTag(t.Id, t.Name, t.Color, t.Description, t.CreatedAt)).ToListAsync(Cancel);
    }

    /// <summary>The ticket's tag names, sorted, as often as each is linked.</summary>
    public async Task<List<string>> TagsOfAsync(Ticket ticket)
    {
        await using var db = await Database.ContextAsync();
        var names = await db.TicketTags.Where(tt => tt.TicketId == ticket.Id).Select(tt => tt.Tag!.Name).ToListAsync(Cancel);
        return [.. names.Order(StringComparer.Ordinal)];
    }

    public async Task<Ticket> ReadAsync(Ticket ticket)
    {
        await using var db = await Database.ContextAsync();
        return await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == ticket.Id, Cancel);
    }

    /// <summary>The newest audit entry's id: entries written after it are what an operation recorded.</summary>
    public async Task<long> LastEntryAsync()
    {
        await using var db = await Database.ContextAsync();
        return await db.AuditEntries.MaxAsync(a => (long?)a.Id, Cancel) ?? 0;
    }

    public async Task<List<AuditEntry>> EntriesAfterAsync(long id)
    {
        await using var db = await Database.ContextAsync();
        return await db.AuditEntries.AsNoTracking().Where(a => a.Id > id).OrderBy(a => a.Id).ToListAsync(Cancel);
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
