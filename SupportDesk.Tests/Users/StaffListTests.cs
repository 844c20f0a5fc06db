using SupportDesk.Data.Engines;
using SupportDesk.Data.Users;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Users;

public sealed class StaffListTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothEngines))]
    public async Task Staff_see_active_agents_and_admins_by_name_and_customers_see_nobody(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(templates, provider);
        var customer = await database.UserAsync(Roles.Customer, "Carla");
        var maya = await database.UserAsync(Roles.Agent, "Maya");
        var adaline = await database.UserAsync(Roles.Admin, "Adaline");
        await database.UserAsync(Roles.Agent, "Gone", active: false);
        var staff = database.Get<StaffList>();

        var forAgent = await staff.ActiveAsync(maya.AsActor(Roles.Agent), Cancel);
        var forCustomer = await staff.ActiveAsync(customer.AsActor(Roles.Customer), Cancel);

        Assert.Equal([new StaffOption(adaline.Id, "Adaline"), new StaffOption(maya.Id, "Maya")], forAgent);
        Assert.Empty(forCustomer);
    }
}
