using Bunit;
using Microsoft.AspNetCore.Components;
using SupportDesk.Web.Components.Common;

namespace SupportDesk.Tests.Common;

public sealed class UserTimeTests
{
    private static readonly DateTime Winter = new(2026, 1, 15, 23, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime Summer = new(2026, 7, 15, 23, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void Times_show_in_the_readers_zone_with_its_offset_on_that_day()
    {
        var berlin = UserTime.ZoneFor("Europe/Berlin");
        var newYork = UserTime.ZoneFor("America/New_York");

        Assert.Equal("2026-01-16 00:30 UTC+01:00", UserTime.Format(Winter, berlin));
        Assert.Equal("2026-07-16 01:30 UTC+02:00", UserTime.Format(Summer, berlin));
        Assert.Equal("2026-01-15 18:30 UTC-05:00", UserTime.Format(Winter, newYork));
        Assert.Equal("2026-01-15 23:30 UTC", UserTime.Format(Winter));
    }

    [Fact]
    public void An_unknown_or_missing_zone_means_utc()
    {
        Assert.Equal(TimeZoneInfo.Utc, UserTime.ZoneFor(null));
        Assert.Equal(TimeZoneInfo.Utc, UserTime.ZoneFor("Mars/Olympus_Mons"));
        Assert.Equal("2026-01-15 23:30 UTC", UserTime.Format(Winter, UserTime.ZoneFor("Etc/UTC")));
    }

    [Fact]
    public async Task The_time_element_uses_the_cascaded_zone_and_keeps_the_utc_value()
    {
        await using var ctx = new BunitContext();

        var cut = ctx.Render<LocalTime>(p => p
            .Add(c => c.Utc, Winter)
            .AddCascadingValue(UserTime.ZoneFor("Asia/Tokyo")));

        var time = cut.Find("time");
        Assert.Equal("2026-01-16 08:30 UTC+09:00", time.TextContent);
        Assert.Equal("2026-01-15T23:30:00Z", time.GetAttribute("datetime"));
    }
}
