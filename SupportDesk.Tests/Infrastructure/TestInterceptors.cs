using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Data.Engines;

namespace SupportDesk.Tests.Infrastructure;

public static class TestInterceptors
{
    /// <summary>Adds interceptors to the options of the app's pooled context factory, on either engine, beside the app's own.</summary>
    public static IServiceCollection AddInterceptors(this IServiceCollection services, IReadOnlyList<IInterceptor> interceptors)
    {
        ArgumentNullException.ThrowIfNull(interceptors);
        if (interceptors.Count > 0)
        {
            services.ConfigureDbContext<SqliteSupportDbContext>((_, options) => options.AddInterceptors(interceptors));
            services.ConfigureDbContext<PostgresSupportDbContext>((_, options) => options.AddInterceptors(interceptors));
        }

        return services;
    }
}
