using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.ApiTokens;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.ApiTokens;

public sealed class ApiTokenServiceTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_new_token_is_shown_once_and_stored_only_as_a_hash_and_a_short_prefix(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var agent = (await database.UserAsync(Roles.Agent)).AsActor(Roles.Agent);

        var result = await database.Get<ApiTokenService>().CreateAsync(agent, new NewApiToken("  CRM sync  "), Cancel);

        var created = Assert.IsType<CreatedApiToken>(result.Value);
        Assert.StartsWith("sdk_", created.Secret, StringComparison.Ordinal);
        Assert.Equal(4 + 43, created.Secret.Length);
        await using var db = await database.ContextAsync();
        var stored = await db.ApiTokens.AsNoTracking().SingleAsync(Cancel);
        Assert.Equal(("CRM sync", agent.UserId, created.Secret[..10]), (stored.Name, stored.UserId, stored.Prefix));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(created.Secret))), stored.TokenHash);
        Assert.DoesNotContain(created.Secret[10..], stored.TokenHash + stored.Prefix + stored.Name, StringComparison.Ordinal);
        Assert.Equal(TestDatabase.Start.UtcDateTime, stored.CreatedAt);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_token_needs_a_short_name_and_an_expiry_in_the_future(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var agent = (await database.UserAsync(Roles.Agent)).AsActor(Roles.Agent);
        var tokens = database.Get<ApiTokenService>();

        var unnamed = await tokens.CreateAsync(agent, new NewApiToken(" ", TestDatabase.Start.UtcDateTime), Cancel);
        var tooLong = await tokens.CreateAsync(agent, new NewApiToken(new string('x', ApiToken.NameMaxLength + 1)), Cancel);

        Assert.Equal(["name", "expiresAt"], unnamed.Errors.Select(e => e.Field));
        Assert.Equal("name", Assert.Single(tooLong.Errors).Field);
        await using var db = await database.ContextAsync();
        Assert.False(await db.ApiTokens.AnyAsync(Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Owners_list_and_revoke_only_their_own_tokens(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = (await database.UserAsync(Roles.Customer, "Carla")).AsActor(Roles.Customer);
        var dave = (await database.UserAsync(Roles.Customer, "Dave")).AsActor(Roles.Customer);
        var tokens = database.Get<ApiTokenService>();
        var first = (await tokens.CreateAsync(carla, new NewApiToken("Laptop"), Cancel)).Value!;
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = (await tokens.CreateAsync(carla, new NewApiToken("Phone"), Cancel)).Value!;
        var daves = (await tokens.CreateAsync(dave, new NewApiToken("Dave's"), Cancel)).Value!;

        var stranger = await tokens.RevokeAsync(carla, daves.Id, Cancel);
        var own = await tokens.RevokeAsync(carla, first.Id, Cancel);
        var again = await tokens.RevokeAsync(carla, first.Id, Cancel);

        Assert.True(stranger.NotFound);
        Assert.True(own.Succeeded);
        Assert.True(again.NotFound);
        Assert.Equal([("Phone", second.Prefix)], (await tokens.ListAsync(carla, Cancel)).Select(t => (t.Name, t.Prefix)));
        Assert.Equal(["Dave's"], (await tokens.ListAsync(dave, Cancel)).Select(t => t.Name));
        Assert.NotNull(await tokens.AuthenticateAsync(daves.Secret, Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_secret_signs_in_its_owner_until_it_is_revoked(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var agent = (await database.UserAsync(Roles.Agent)).AsActor(Roles.Agent);
        var tokens = database.Get<ApiTokenService>();
        var created = (await tokens.CreateAsync(agent, new NewApiToken("Script"), Cancel)).Value!;

        var before = await tokens.AuthenticateAsync(created.Secret, Cancel);
        var wrong = await tokens.AuthenticateAsync(created.Secret[..^1] + (created.Secret[^1] == 'A' ? 'B' : 'A'), Cancel);
        await tokens.RevokeAsync(agent, created.Id, Cancel);
        var after = await tokens.AuthenticateAsync(created.Secret, Cancel);

        Assert.Equal(agent.UserId, before);
        Assert.Null(wrong);
        Assert.Null(after);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task An_expired_token_or_a_deactivated_owner_signs_in_nobody(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var agent = (await database.UserAsync(Roles.Agent)).AsActor(Roles.Agent);
        var customer = await database.UserAsync(Roles.Customer);
        var tokens = database.Get<ApiTokenService>();
        var expiring = (await tokens.CreateAsync(agent, new NewApiToken("Day pass", TestDatabase.Start.UtcDateTime.AddDays(1)), Cancel)).Value!;
        var customers = (await tokens.CreateAsync(customer.AsActor(Roles.Customer), new NewApiToken("Mine"), Cancel)).Value!;

        Assert.Equal(agent.UserId, await tokens.AuthenticateAsync(expiring.Secret, Cancel));
        database.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Null(await tokens.AuthenticateAsync(expiring.Secret, Cancel));

        await using (var db = await database.ContextAsync())
        {
            await db.Users.Where(u => u.Id == customer.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false), Cancel);
        }

        Assert.Null(await tokens.AuthenticateAsync(customers.Secret, Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task The_last_use_is_recorded_at_most_once_a_minute(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var agent = (await database.UserAsync(Roles.Agent)).AsActor(Roles.Agent);
        var tokens = database.Get<ApiTokenService>();
        var created = (await tokens.CreateAsync(agent, new NewApiToken("Script"), Cancel)).Value!;
        var start = TestDatabase.Start.UtcDateTime;

        await tokens.AuthenticateAsync(created.Secret, Cancel);
        database.Clock.Advance(TimeSpan.FromSeconds(59));
        await tokens.AuthenticateAsync(created.Secret, Cancel);
        var withinTheMinute = Assert.Single(await tokens.ListAsync(agent, Cancel)).LastUsedAt;
        database.Clock.Advance(TimeSpan.FromSeconds(1));
        await tokens.AuthenticateAsync(created.Secret, Cancel);
        var aMinuteLater = Assert.Single(await tokens.ListAsync(agent, Cancel)).LastUsedAt;

        Assert.Equal(start, withinTheMinute);
        Assert.Equal(start.AddMinutes(1), aMinuteLater);
    }
}
