using SupportDesk.Data.Engines;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Users;

public sealed class UserPreferencesTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void The_time_zones_offered_are_sorted_iana_ids()
    {
        Assert.Contains("Europe/Berlin", UserPreferences.TimeZoneIds);
        Assert.Contains("America/New_York", UserPreferences.TimeZoneIds);
        Assert.Equal(UserPreferences.TimeZoneIds.Order(StringComparer.Ordinal), UserPreferences.TimeZoneIds);
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task A_user_stores_a_known_time_zone_for_themself_and_clears_it_back_to_utc(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = (await database.UserAsync(Roles.Customer, "Carla")).AsActor(Roles.Customer);
        var dave = (await database.UserAsync(Roles.Customer, "Dave")).AsActor(Roles.Customer);
        var preferences = database.Get<UserPreferences>();

        var saved = await preferences.SetTimeZoneAsync(carla, " Europe/Berlin ", Cancel);
        var stored = await preferences.GetTimeZoneAsync(carla, Cancel);
        var others = await preferences.GetTimeZoneAsync(dave, Cancel);
        var cleared = await preferences.SetTimeZoneAsync(carla, "", Cancel);

        Assert.True(saved.Succeeded);
        Assert.Equal("Europe/Berlin", stored);
        Assert.Null(others);
        Assert.True(cleared.Succeeded);
        Assert.Null(await preferences.GetTimeZoneAsync(carla, Cancel));
    }

    [Theory, ClassData(typeof(BothEngines))]
    public async Task An_unknown_time_zone_is_refused_and_the_stored_one_kept(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var carla = (await database.UserAsync(Roles.Customer, "Carla")).AsActor(Roles.Customer);
        var preferences = database.Get<UserPreferences>();
        await preferences.SetTimeZoneAsync(carla, "Asia/Tokyo", Cancel);

        var result = await preferences.SetTimeZoneAsync(carla, "Mars/Olympus_Mons", Cancel);

        Assert.Equal("timeZone", Assert.Single(result.Errors).Field);
        Assert.Equal("Asia/Tokyo", await preferences.GetTimeZoneAsync(carla, Cancel));
    }
}
