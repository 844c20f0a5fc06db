using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportDesk.Data.ApiTokens;
using SupportDesk.Data.Attachments;
using SupportDesk.Data.Audit;
using SupportDesk.Data.AutoClose;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Dashboards;
using SupportDesk.Data.Demo;
using SupportDesk.Data.Drafts;
using SupportDesk.Data.Engines;
using SupportDesk.Data.Export;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Notifications;
using SupportDesk.Data.Queue;
using SupportDesk.Data.Settings;
using SupportDesk.Data.Sla;
using SupportDesk.Data.SlaAlerts;
using SupportDesk.Data.Tags;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Data.Views;

namespace SupportDesk.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the pooled context factory for the configured engine, the scoped context Identity's
    /// stores need, and the domain services. Services open one short-lived context per operation.
    /// </summary>
    public static IServiceCollection AddSupportDeskData(this IServiceCollection services, DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(database);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(database);
        services.AddSingleton<TimestampInterceptor>();
        services.AddSingleton<SlaInterceptor>();
        services.AddSingleton<AuditInterceptor>();

        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                AddEngine<SqliteSupportDbContext>(services, database);
                break;
            case DatabaseProvider.Postgres:
                AddEngine<PostgresSupportDbContext>(services, database);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(database), database.Provider, "Unknown database provider.");
        }

        services.AddScoped<SupportDbContext>(sp => sp.GetRequiredService<IDbContextFactory<SupportDbContext>>().CreateDbContext());
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<UserPreferences>();
        services.AddSingleton<TicketSummary>();
        services.TryAddSingleton<TicketNumbers>();
        services.AddSingleton<TicketCreation>();
        services.AddSingleton<TicketStatusChanges>();
        services.AddSingleton<TicketComments>();
        services.AddSingleton<TicketQueries>();
        services.AddSingleton<TicketTrash>();
        services.AddSingleton<TicketAssignment>();
        services.AddSingleton<TicketFieldChanges>();
        services.AddSingleton<NotificationInbox>();
        services.AddSingleton<RuntimeSettings>();
        services.AddSingleton<ResolvedTicketCloser>();
        services.AddSingleton<SlaAtRiskAlerts>();
        services.AddSingleton<QueueQueries>();
        services.AddSingleton<BulkActions>();
        services.AddSingleton<QueueStatistics>();
        services.AddSingleton<TicketExport>();
        services.AddSingleton<DashboardQueries>();
        services.AddSingleton<SavedViews>();
        AttachmentServices.AddAttachments(services);
        services.AddSingleton<TicketTimeline>();
        services.AddSingleton<ReplyDrafts>();
        services.AddSingleton<UserActivity>();
        services.AddSingleton<ApiTokenService>();
        services.AddSingleton<StaffList>();
        services.AddSingleton<TagSuggestions>();
        services.AddSingleton<TagCatalog>();
        services.AddSingleton<SlaPolicies>();
        services.AddSingleton<SlaBackfill>();
        services.AddScoped<DemoData>();
        return services;
    }

    private static void AddEngine<TContext>(IServiceCollection services, DatabaseOptions database)
        where TContext : SupportDbContext
    {
        services.AddPooledDbContextFactory<TContext>((sp, options) =>
        {
            EngineOptions.Apply(options, database);
            options.AddInterceptors(
                sp.GetRequiredService<TimestampInterceptor>(), sp.GetRequiredService<SlaInterceptor>(), sp.GetRequiredService<AuditInterceptor>());
        });
        services.AddSingleton<IDbContextFactory<SupportDbContext>>(sp =>
            new EngineContextFactory<TContext>(sp.GetRequiredService<IDbContextFactory<TContext>>()));
    }
}
