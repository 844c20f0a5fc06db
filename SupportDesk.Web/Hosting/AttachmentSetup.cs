using System.Globalization;
using SupportDesk.Data.Attachments;
using SupportDesk.Data.Engines;

namespace SupportDesk.Web.Hosting;

public static class AttachmentSetup
{
    /// <summary>The largest per-file limit accepted; beyond it uploads belong in a file service, not a helpdesk.</summary>
    internal const long MaxFileBytesCeiling = 1024L * 1024 * 1024;

    /// <summary>Reads and checks the <c>Attachments</c> section; the data layer's store and upload rules follow it.</summary>
    public static WebApplicationBuilder AddSupportDeskAttachments(this WebApplicationBuilder builder)
    {
        builder.Services.UseAttachmentOptions(ReadOptions(builder.Configuration, builder.Environment.ContentRootPath));
        return builder;
    }

    internal static AttachmentOptions ReadOptions(IConfiguration configuration, string contentRoot)
    {
        var section = configuration.GetSection(AttachmentOptions.Section);
        var maxText = section["MaxFileBytes"];
        var max = AttachmentOptions.DefaultMaxFileBytes;
        if (!string.IsNullOrWhiteSpace(maxText)
            && (!long.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out max) || max < 1 || max > MaxFileBytesCeiling))
        {
            throw new StartupException(
                $"the setting Attachments:MaxFileBytes is '{maxText}'; use a whole number of bytes from 1 to {MaxFileBytesCeiling} (1 GB), e.g. 10485760 for 10 MB.");
        }

        var storageText = section["Storage"];
        var storage = AttachmentStorage.Database;
        if (!string.IsNullOrWhiteSpace(storageText)
            && (!Enum.TryParse(storageText, ignoreCase: true, out storage) || !Enum.IsDefined(storage)))
        {
            throw new StartupException($"the setting Attachments:Storage is '{storageText}'; use 'Database' or 'Folder'.");
        }

        var folderText = section["Folder"];
        var folder = Path.GetFullPath(string.IsNullOrWhiteSpace(folderText) ? Path.Combine("data", "attachments") : folderText, contentRoot);
        if (storage == AttachmentStorage.Folder)
        {
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new StartupException($"the setting Attachments:Folder is '{folder}', which cannot be used as a folder: {ex.Message}", ex);
            }
        }

        return new AttachmentOptions { MaxFileBytes = max, Storage = storage, Folder = folder };
    }
}
