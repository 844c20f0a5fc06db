using SupportDesk.Data.Sla;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Tests.Sla;

public sealed class SlaTargetsTests
{
    [Theory]
    [InlineData(TicketPriority.Urgent, 1, 4)]
    [InlineData(TicketPriority.High, 4, 24)]
    [InlineData(TicketPriority.Medium, 8, 72)]
    [InlineData(TicketPriority.Low, 24, 168)]
    public void The_defaults_are_the_issues_targets(TicketPriority priority, int firstResponseHours, int resolutionHours)
    {
        var target = SlaTargets.Default.For(priority);

        Assert.Equal(TimeSpan.FromHours(firstResponseHours), target.FirstResponse);
        Assert.Equal(TimeSpan.FromHours(resolutionHours), target.Resolution);
        Assert.Empty(SlaTargets.Default.Validate());
    }

    [Fact]
    public void Bad_targets_are_refused_each_beside_its_field()
    {
        var targets = SlaTargets.Default with
        {
            Urgent = new SlaTarget(TimeSpan.Zero, TimeSpan.FromHours(4)),
            High = new SlaTarget(TimeSpan.FromHours(30), TimeSpan.FromHours(24)),
            Low = new SlaTarget(TimeSpan.FromHours(24), TimeSpan.FromDays(400)),
        };

        Assert.Equal(
            [
                ("low.resolution", "The Low resolution target must be at most 365 days."),
                ("high.firstResponse", "The High first response target (30 h) must not be longer than its resolution target (24 h)."),
                ("urgent.firstResponse", "The Urgent first response target must be longer than zero."),
            ],
            targets.Validate().Select(e => (e.Field, e.Message)));
    }
}
