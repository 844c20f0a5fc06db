using Microsoft.EntityFrameworkCore;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Dashboards;
using SupportDesk.Data.Tags;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Dashboards;

/// <summary>
/// A fixed week of tickets whose figures are worked out by hand in the tests. The clock stands at Wednesday
/// 2026-03-04 09:30 UTC; the period read is 1–3 March. Agents Alex and Bea, admin Ada, customer Carla.
/// </summary>
/// <remarks>
/// <code>
/// #   created (UTC)  first reply    resolved       closed        status     priority category assignee met   tag
/// T1  03-01 08:00    03-01 09:00    03-01 12:00                  Resolved   High     billing  Alex     true  vip
/// T2  03-01 10:00    03-01 12:00    03-02 10:00    03-03 10:00   Closed     Medium   billing  Alex     true
/// T3  03-02 06:00    03-02 09:00    03-02 14:00                  Resolved   Urgent   hardware Bea      false vip
/// T4  03-02 23:30    03-03 01:30                                 InProgress Urgent   hardware Bea
/// T5  03-03 09:00    (none)                                      Open       Low      (none)   (none)
/// T6  03-03 12:00    03-03 13:00                                 Waiting    Medium   billing  Alex           vip
/// T7  02-20 10:00    02-20 11:00    03-02 10:00                  Resolved   Low      billing  Alex     false
/// T8  02-25 08:00                                                Open       High     hardware (none)
/// T9  01-10 10:00                                                Open       Medium   (none)   Bea
/// T10 03-01 09:00    03-01 09:30    03-01 10:00  deleted         Resolved   Urgent   billing  Alex     true
/// T11 03-04 08:00                                                Open       Medium   billing  (none)
/// T12 03-01 15:00    03-01 16:00    03-03 15:00                  Resolved   Medium   (none)   Bea      (not measured)
/// </code>
/// Comments: Alex on T1 (03-01 09:00, public), T6 (03-03 13:00, internal), T7 (02-20 11:00, before the period)
/// and T10 (deleted); Bea on T3 (03-02 09:00); Carla on T5 (03-03 10:00).
/// </remarks>
internal static class DashboardDesk
{
    public static readonly DateOnly FirstDay = new(2026, 3, 1);
    public static readonly DateOnly LastDay = new(2026, 3, 3);

    public static DashboardFilter Period(TimeZoneInfo? zone = null) => new(FirstDay, LastDay, zone ?? TimeZoneInfo.Utc);

    public static async Task<(AppUser Ada, AppUser Alex, AppUser Bea, AppUser Carla)> UsersAsync(TestDatabase database) => (
        await database.UserAsync(Roles.Admin, "Ada"),
        await database.UserAsync(Roles.Agent, "Alex"),
        await database.UserAsync(Roles.Agent, "Bea"),
        await database.UserAsync(Roles.Customer, "Carla"));

    public static async Task SeedAsync(TestDatabase database, AppUser alex, AppUser bea, AppUser carla)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = await database.ContextAsync();
        var vip = new Tag { Name = "vip" };
        db.Tags.Add(vip);

        Ticket Add(string title, string created, string? replied, string? resolved, string? closed, TicketStatus status, TicketPriority priority,
            string? category, AppUser? assignee, bool? met, bool tagged = false, bool deleted = false)
        {
            var ticket = new Ticket
            {
                Number = TicketNumber.New(At(created)),
                Title = title,
                Description = "Dashboard test ticket.",
                Status = status,
                Priority = priority,
                Category = category,
                CreatorId = carla.Id,
                AssigneeId = assignee?.Id,
                CreatedAt = At(created),
                FirstResponseAt = Maybe(replied),
                ResolvedAt = Maybe(resolved),
                ClosedAt = Maybe(closed),
                ResolutionSlaMet = met,
                DeletedAt = deleted ? At("03-04 08:00") : null,
            };
            if (tagged)
            {
                ticket.TicketTags.Add(new TicketTag { Tag = vip });
            }

            db.Tickets.Add(ticket);
            return ticket;
        }

        var t1 = Add("T1", "03-01 08:00", "03-01 09:00", "03-01 12:00", null, TicketStatus.Resolved, TicketPriority.High, "billing", alex, true, tagged: true);
        Add("T2", "03-01 10:00", "03-01 12:00", "03-02 10:00", "03-03 10:00", TicketStatus.Closed, TicketPriority.Medium, "billing", alex, true);
        var t3 = Add("T3", "03-02 06:00", "03-02 09:00", "03-02 14:00", null, TicketStatus.Resolved, TicketPriority.Urgent, "hardware", bea, false, tagged: true);
        Add("T4", "03-02 23:30", "03-03 01:30", null, null, TicketStatus.InProgress, TicketPriority.Urgent, "hardware", bea, null);
        var t5 = Add("T5", "03-03 09:00", null, null, null, TicketStatus.Open, TicketPriority.Low, null, null, null);
        var t6 = Add("T6", "03-03 12:00", "03-03 13:00", null, null, TicketStatus.WaitingOnCustomer, TicketPriority.Medium, "billing", alex, null, tagged: true);
        var t7 = Add("T7", "02-20 10:00", "02-20 11:00", "03-02 10:00", null, TicketStatus.Resolved, TicketPriority.Low, "billing", alex, false);
        Add("T8", "02-25 08:00", null, null, null, TicketStatus.Open, TicketPriority.High, "hardware", null, null);
        Add("T9", "01-10 10:00", null, null, null, TicketStatus.Open, TicketPriority.Medium, null, bea, null);
        var t10 = Add("T10", "03-01 09:00", "03-01 09:30", "03-01 10:00", null, TicketStatus.Resolved, TicketPriority.Urgent, "billing", alex, true, deleted: true);
        Add("T11", "03-04 08:00", null, null, null, TicketStatus.Open, TicketPriority.Medium, "billing", null, null);
        var t12 = Add("T12", "03-01 15:00", "03-01 16:00", "03-03 15:00", null, TicketStatus.Resolved, TicketPriority.Medium, null, bea, null);
        await db.SaveAsync();

        // Saving measures every ticket against its policy; T12 stands for one resolved before SLA policies existed, never measured.
        await db.Tickets.Where(t => t.Id == t12.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.ResolutionSlaMet, (bool?)null), TestContext.Current.CancellationToken);

        void Comment(Ticket ticket, AppUser author, string at, bool isInternal = false) => db.Comments.Add(new Comment
        {
            TicketId = ticket.Id,
            AuthorId = author.Id,
            Content = "Looking into it.",
            IsInternal = isInternal,
            CreatedAt = At(at),
        });

        Comment(t1, alex, "03-01 09:00");
        Comment(t6, alex, "03-03 13:00", isInternal: true);
        Comment(t7, alex, "02-20 11:00");
        Comment(t10, alex, "03-01 09:30");
        Comment(t3, bea, "03-02 09:00");
        Comment(t5, carla, "03-03 10:00");
        await db.SaveAsync();
    }

    /// <summary>"MM-dd HH:mm" in 2026, UTC.</summary>
    private static DateTime At(string text) =>
        DateTime.SpecifyKind(DateTime.ParseExact("2026-" + text, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static DateTime? Maybe(string? text) => text is null ? null : At(text);
}
