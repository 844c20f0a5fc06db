using SupportDesk.Data.Attachments;

namespace SupportDesk.Tests.Attachments;

public sealed class AttachmentNamesTests
{
    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\windows\\win.ini", "win.ini")]
    [InlineData("C:\\Users\\carla\\Desktop\\invoice.pdf", "invoice.pdf")]
    [InlineData("/var/log/app.log", "app.log")]
    [InlineData("report.pdf", "report.pdf")]
    [InlineData("  spaced name.txt  ", "spaced name.txt")]
    public void Only_the_last_segment_of_a_path_like_name_is_kept(string sent, string kept)
    {
        Assert.Equal(kept, AttachmentNames.Clean(sent));
    }

    [Theory]
    [InlineData("in\u0000voice\r\n.pdf", "invoice.pdf")]
    [InlineData("photo\u202Egpj.exe", "photogpj.exe")]
    [InlineData("tab\there.txt", "tabhere.txt")]
    public void Control_characters_and_invisible_formatting_are_removed(string sent, string kept)
    {
        Assert.Equal(kept, AttachmentNames.Clean(sent));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("../")]
    [InlineData("dir/..")]
    [InlineData("\u0001\u0002")]
    public void A_name_with_nothing_left_becomes_attachment(string? sent)
    {
        Assert.Equal("attachment", AttachmentNames.Clean(sent));
    }

    [Fact]
    public void A_long_name_is_cut_to_255_characters_keeping_its_extension()
    {
        var cleaned = AttachmentNames.Clean(new string('x', 400) + ".pdf");

        Assert.Equal(255, cleaned.Length);
        Assert.EndsWith("xxx.pdf", cleaned, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_name_is_never_cut_between_the_halves_of_a_character()
    {
        var cleaned = AttachmentNames.Clean(string.Concat(Enumerable.Repeat("😀", 200)) + ".png");

        Assert.True(cleaned.Length <= 255);
        Assert.EndsWith("😀.png", cleaned, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(cleaned[^5]));
    }
}
