using System.Text;
using SupportDesk.Data.Attachments;

namespace SupportDesk.Tests.Attachments;

public sealed class AttachmentContentTypesTests
{
    private const string Download = "application/octet-stream";

    [Fact]
    public void A_real_png_keeps_its_image_type()
    {
        Assert.Equal("image/png", AttachmentContentTypes.Decide(TestFiles.PngBytes, "image/png"));
    }

    [Theory]
    [InlineData("image/svg+xml")]
    [InlineData("image/png")]
    [InlineData("text/plain")]
    public void An_svg_is_stored_as_a_download_whatever_it_claims(string claimed)
    {
        Assert.Equal(Download, AttachmentContentTypes.Decide(Encoding.UTF8.GetBytes(TestFiles.ScriptedSvg), claimed));
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>", "text/html")]
    [InlineData("  \n<html><script>alert(1)</script></html>", "text/plain")]
    [InlineData("\uFEFF<script>alert(1)</script>", "text/plain")]
    [InlineData("<?xml version=\"1.0\"?><x/>", "text/xml")]
    public void Html_and_xml_are_stored_as_downloads_even_when_claimed_to_be_text(string content, string claimed)
    {
        Assert.Equal(Download, AttachmentContentTypes.Decide(Encoding.UTF8.GetBytes(content), claimed));
    }

    [Theory]
    [InlineData("image/jpeg")]
    [InlineData("image/gif")]
    [InlineData("application/pdf")]
    [InlineData("")]
    [InlineData(null)]
    public void Content_that_does_not_match_its_claim_is_stored_as_a_download(string? claimed)
    {
        Assert.Equal(Download, AttachmentContentTypes.Decide(TestFiles.PngBytes, claimed));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 }, "IMAGE/JPG", "image/jpeg")]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a', 1, 0 }, "image/gif", "image/gif")]
    [InlineData(new byte[] { (byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-', (byte)'1', (byte)'.', (byte)'7' }, "application/pdf; name=x.pdf", "application/pdf")]
    [InlineData(new byte[] { (byte)'P', (byte)'K', 3, 4, 20, 0 }, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData(new byte[] { (byte)'P', (byte)'K', 3, 4, 20, 0 }, "application/x-zip-compressed", "application/zip")]
    [InlineData(new byte[] { (byte)'P', (byte)'K', 3, 4, 20, 0 }, "application/java-archive", Download)]
    public void Known_formats_keep_a_type_their_claim_agrees_with(byte[] head, string claimed, string expected)
    {
        Assert.Equal(expected, AttachmentContentTypes.Decide(head, claimed));
    }

    [Theory]
    [InlineData("Order 1001 failed at 10:32\r\nretrying…\n", "text/plain", "text/plain")]
    [InlineData("id,amount\n1,9.99\n", "text/csv", "text/csv")]
    [InlineData("plain words", "application/x-msdownload", Download)]
    public void Plain_text_is_text_only_when_claimed_as_text(string content, string claimed, string expected)
    {
        Assert.Equal(expected, AttachmentContentTypes.Decide(Encoding.UTF8.GetBytes(content), claimed));
    }

    [Fact]
    public void Binary_that_is_not_a_known_format_is_a_download_even_when_claimed_as_text()
    {
        Assert.Equal(Download, AttachmentContentTypes.Decide([0x4D, 0x5A, 0x90, 0x00, 0x03], "text/plain"));
        Assert.Equal(Download, AttachmentContentTypes.Decide([0xC3, 0x28, 0x41], "text/plain"));
        Assert.Equal(Download, AttachmentContentTypes.Decide([], "text/plain"));
    }

    [Fact]
    public void Text_cut_in_the_middle_of_a_character_at_the_sniffing_window_is_still_text()
    {
        var head = Encoding.UTF8.GetBytes("é")[..1];

        Assert.Equal("text/plain", AttachmentContentTypes.Decide([.. "abc"u8, .. head], "text/plain"));
    }
}
