using Microsoft.Extensions.Configuration;
using SupportDesk.Data.Attachments;
using SupportDesk.Data.Engines;
using SupportDesk.Web.Hosting;

namespace SupportDesk.Tests.Attachments;

/// <summary>The <c>Attachments</c> section as the app reads it at start.</summary>
public sealed class AttachmentSetupTests
{
    private const string ContentRoot = "/srv/supportdesk";

    [Fact]
    public void Without_settings_files_go_to_the_database_with_a_10_MB_limit()
    {
        var options = Read();

        Assert.Equal((10L * 1024 * 1024, AttachmentStorage.Database), (options.MaxFileBytes, options.Storage));
        Assert.Equal("/srv/supportdesk/data/attachments", options.Folder);
    }

    [Fact]
    public void Folder_storage_and_a_limit_are_read_and_a_relative_folder_is_under_the_app()
    {
        var folder = Path.Combine(Path.GetTempPath(), "supportdesk-setup-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = Read(("Storage", "folder"), ("Folder", folder), ("MaxFileBytes", "2048"));

            Assert.Equal((2048L, AttachmentStorage.Folder, folder), (options.MaxFileBytes, options.Storage, options.Folder));
            Assert.True(Directory.Exists(folder));
            Assert.Equal("/srv/supportdesk/uploads", Read(("Folder", "uploads")).Folder);
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    [Theory]
    [InlineData("Storage", "S3", "the setting Attachments:Storage is 'S3'; use 'Database' or 'Folder'.")]
    [InlineData("Storage", "2", "the setting Attachments:Storage is '2'; use 'Database' or 'Folder'.")]
    [InlineData("MaxFileBytes", "10MB", "the setting Attachments:MaxFileBytes is '10MB'; use a whole number of bytes from 1 to 1073741824 (1 GB), e.g. 10485760 for 10 MB.")]
    [InlineData("MaxFileBytes", "0", "the setting Attachments:MaxFileBytes is '0'; use a whole number of bytes from 1 to 1073741824 (1 GB), e.g. 10485760 for 10 MB.")]
    [InlineData("MaxFileBytes", "-5", "the setting Attachments:MaxFileBytes is '-5'; use a whole number of bytes from 1 to 1073741824 (1 GB), e.g. 10485760 for 10 MB.")]
    public void A_bad_value_stops_start_up_naming_the_setting(string key, string value, string message)
    {
        var error = Assert.Throws<StartupException>(() => Read((key, value)));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_storage_folder_that_cannot_be_made_stops_start_up_naming_the_setting()
    {
        var file = Path.GetTempFileName();
        try
        {
            var error = Assert.Throws<StartupException>(() => Read(("Storage", "Folder"), ("Folder", Path.Combine(file, "attachments"))));

            Assert.StartsWith("the setting Attachments:Folder is", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static AttachmentOptions Read(params (string Key, string Value)[] settings) =>
        AttachmentSetup.ReadOptions(
            new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>("Attachments:" + s.Key, s.Value))).Build(),
            ContentRoot);
}
