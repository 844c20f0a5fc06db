using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Data.ApiTokens;
using SupportDesk.Data.Attachments;
using SupportDesk.Data.Audit;
using SupportDesk.Data.Comments;
using SupportDesk.Data.Drafts;
using SupportDesk.Data.Infrastructure;
using SupportDesk.Data.Notifications;
using SupportDesk.Data.Settings;
using SupportDesk.Data.Sla;
using SupportDesk.Data.Tags;
using SupportDesk.Data.Tickets;
using SupportDesk.Data.Users;
using SupportDesk.Data.Views;

namespace SupportDesk.Data;

/// <summary>
/// The one SupportDesk model. Each engine has a small subclass that carries its own migrations
/// and the few mappings where the engines differ.
/// </summary>
public abstract class SupportDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<TicketTag> TicketTags => Set<TicketTag>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AttachmentChunk> AttachmentChunks => Set<AttachmentChunk>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<ReplyDraft> ReplyDrafts => Set<ReplyDraft>();
    public DbSet<AppSetting> AppSettings => Set<AppSetting>();
    public DbSet<SavedView> SavedViews => Set<SavedView>();
    public DbSet<SlaPolicy> SlaPolicies => Set<SlaPolicy>();

    /// <summary>
    /// Who the changes saved through this context are made by; the audit interceptor stamps it on
    /// every entry. Cleared when the context goes back to the pool so it never leaks to the next user.
    /// </summary>
    public AuditSource? AuditSource { get; set; }

    public override void Dispose()
    {
        AuditSource = null;
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override ValueTask DisposeAsync()
    {
        AuditSource = null;
        GC.SuppressFinalize(this);
        return base.DisposeAsync();
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        // Identity picks its schema version (passkeys need Version3) from the application's options;
        // a context built without the app (dotnet ef, tests) must see the same model, or migrations drift.
        var core = optionsBuilder.Options.FindExtension<CoreOptionsExtension>();
        if (core?.ApplicationServiceProvider is null)
        {
            optionsBuilder.UseApplicationServiceProvider(IdentitySchema.Services);
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SupportDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private static class IdentitySchema
    {
        public static readonly IServiceProvider Services = new ServiceCollection()
            .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
            .BuildServiceProvider();
    }
}
