using SupportDesk.Data.Engines;

namespace SupportDesk.Tests.Infrastructure;

/// <summary>Theory rows for every engine: data tests take <c>[Theory, ClassData(typeof(BothEngines))]</c>.</summary>
public sealed class BothEngines : TheoryData<DatabaseProvider>
{
    public BothEngines()
    {
        Add(DatabaseProvider.Sqlite);
        Add(DatabaseProvider.Postgres);
    }
}
