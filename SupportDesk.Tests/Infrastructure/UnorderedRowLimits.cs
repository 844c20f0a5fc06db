using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Data.Engines;

namespace SupportDesk.Tests.Infrastructure;

public static class UnorderedRowLimits
{
    /// <summary>
    /// Makes the app's contexts, on either engine, throw where EF would only log that a query limits rows without an
    /// order: a warning nobody reads becomes a failing test. The changed options also give EF a fresh query cache, so
    /// every query is translated (and checked) again.
    /// </summary>
    public static IServiceCollection ThrowOnUnorderedRowLimits(this IServiceCollection services)
    {
        services.ConfigureDbContext<SqliteSupportDbContext>((_, options) => Throw(options));
        services.ConfigureDbContext<PostgresSupportDbContext>((_, options) => Throw(options));
        return services;
    }

    private static void Throw(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning));
}
