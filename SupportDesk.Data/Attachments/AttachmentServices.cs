using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SupportDesk.Data.Attachments;

public static class AttachmentServices
{
    /// <summary>Registers the attachment services with the defaults (database storage, 10 MB per file) unless options are already set.</summary>
    internal static void AddAttachments(IServiceCollection services)
    {
        services.TryAddSingleton(new AttachmentOptions());
        services.TryAddSingleton<IAttachmentStore>(sp => CreateStore(sp.GetRequiredService<AttachmentOptions>(), sp));
        services.TryAddSingleton<AttachmentUploads>();
        services.TryAddSingleton<AttachmentDownloads>();
    }

    /// <summary>Replaces the attachment options (and so the store they pick) with configured ones; call order does not matter.</summary>
    public static IServiceCollection UseAttachmentOptions(this IServiceCollection services, AttachmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.Replace(ServiceDescriptor.Singleton(options));
        return services;
    }

    private static IAttachmentStore CreateStore(AttachmentOptions options, IServiceProvider services) => options.Storage switch
    {
        AttachmentStorage.Database => new DatabaseAttachmentStore(services.GetRequiredService<IDbContextFactory<SupportDbContext>>()),
        AttachmentStorage.Folder when !string.IsNullOrWhiteSpace(options.Folder) => new FolderAttachmentStore(options.Folder),
        AttachmentStorage.Folder => throw new InvalidOperationException("Folder storage for attachments needs a folder."),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Storage, "Unknown attachment storage."),
    };
}
