using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Web.Components.Common;

namespace SupportDesk.Tests.Common;

public sealed class MarkdownTextTests
{
    [Fact]
    public async Task Basic_formatting_is_rendered()
    {
        await using var ctx = CreateContext();

        var cut = Render(ctx, "Some **bold** and *italic* and ~~gone~~ text\n\n- one\n- two\n\n1. first\n2. second\n\n> quoted");

        Assert.Equal("bold", cut.Find("strong").TextContent);
        Assert.Equal("italic", cut.Find("em").TextContent);
        Assert.Equal("gone", cut.Find("del").TextContent);
        Assert.Equal(["one", "two"], cut.FindAll("ul > li").Select(li => li.TextContent));
        Assert.Equal(["first", "second"], cut.FindAll("ol > li").Select(li => li.TextContent));
        Assert.Equal("quoted", cut.Find("blockquote").TextContent.Trim());
        Assert.Equal("sd-markdown", cut.Find("div").ClassName);
    }

    [Fact]
    public async Task Code_blocks_keep_their_text_verbatim()
    {
        await using var ctx = CreateContext();

        var cut = Render(ctx, "Run `dotnet build` then:\n\n```\nif (a < b && c > d) { }\n```");

        Assert.Equal("dotnet build", cut.Find("p > code").TextContent);
        Assert.Equal("if (a < b && c > d) { }\n", cut.Find("pre > code").TextContent);
    }

    [Fact]
    public async Task Links_open_in_a_new_tab_without_passing_on_the_opener_or_referrer()
    {
        await using var ctx = CreateContext();

        var cut = Render(ctx, "See [the docs](https://example.com/docs \"Docs\"), www.example.org and <mailto:help@example.com>");

        var links = cut.FindAll("a");
        Assert.Equal(["https://example.com/docs", "http://www.example.org", "mailto:help@example.com"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal("Docs", links[0].GetAttribute("title"));
        Assert.All(links, a =>
        {
            Assert.Equal("nofollow noopener noreferrer", a.GetAttribute("rel"));
            Assert.Equal("_blank", a.GetAttribute("target"));
        });
    }

    [Fact]
    public async Task Tables_and_task_lists_are_rendered_with_read_only_boxes()
    {
        await using var ctx = CreateContext();

        var cut = Render(ctx, "| Step | State |\n|---|:---:|\n| build | ok |\n\n- [x] done\n- [ ] todo");

        Assert.Equal(["Step", "State"], cut.FindAll("table thead th").Select(th => th.TextContent));
        Assert.Equal(["build", "ok"], cut.FindAll("table tbody td").Select(td => td.TextContent));
        var boxes = cut.FindAll("li > input");
        Assert.Equal(2, boxes.Count);
        Assert.All(boxes, box =>
        {
            Assert.Equal("checkbox", box.GetAttribute("type"));
            Assert.True(box.HasAttribute("disabled"));
        });
        Assert.Equal([true, false], boxes.Select(box => box.HasAttribute("checked")));
    }

    [Fact]
    public async Task Images_become_plain_links_so_no_remote_image_is_loaded()
    {
        await using var ctx = CreateContext();

        var cut = Render(ctx, "![pixel](https://tracker.example/p.gif)");

        Assert.Empty(cut.FindAll("img"));
        var link = cut.Find("a");
        Assert.Equal("https://tracker.example/p.gif", link.GetAttribute("href"));
        Assert.Equal("pixel", link.TextContent);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](jav&#x61;script:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[click][ref]\n\n[ref]: javascript:alert(1)")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("<div style=\"background:url(javascript:alert(1))\">x</div>")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[x](https://example.com \"\\\" onmouseover=\\\"alert(1)\")")]
    [InlineData("[x](https://example.com 'x\" onclick=\"alert(1)')")]
    [InlineData("<details open ontoggle=alert(1)>")]
    [InlineData("<style>body{display:none}</style>")]
    [InlineData("    <script>alert(1)</script>\n\n```html\n<script>alert(1)</script>\n```")]
    public async Task Hostile_input_is_rendered_inert(string markdown)
    {
        await using var ctx = CreateContext();

        var cut = Render(ctx, markdown);

        Assert.Empty(cut.FindAll("script, iframe, svg, img, object, embed, style, details, div div"));
        Assert.All(cut.FindAll("*"), element =>
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            Assert.False(element.HasAttribute("style"));
            var href = element.GetAttribute("href");
            Assert.True(
                href is null || href.StartsWith("https://", StringComparison.Ordinal),
                $"Unexpected href '{href}' in {cut.Markup}");
        });
    }

    [Fact]
    public async Task Html_typed_in_a_sentence_shows_as_literal_text()
    {
        await using var ctx = CreateContext();

        var cut = Render(ctx, "Our page shows <script>alert(1)</script> and <b>bold</b> since Monday.");

        Assert.Empty(cut.FindAll("script, b"));
        Assert.Equal("Our page shows <script>alert(1)</script> and <b>bold</b> since Monday.", cut.Find("p").TextContent);
    }

    [Fact]
    public async Task A_rejected_link_keeps_its_text()
    {
        await using var ctx = CreateContext();

        var cut = Render(ctx, "[click me](javascript:alert(1))");

        Assert.Equal("click me", cut.Find("p").TextContent);
        Assert.Null(cut.Find("a").GetAttribute("href"));
    }

    [Theory]
    [InlineData("[x](/Account/Manage)")]
    [InlineData("[x](//evil.example/path)")]
    [InlineData("[x](ftp://files.example/a.zip)")]
    [InlineData("[x](file:///etc/passwd)")]
    public async Task Links_without_an_http_https_or_mailto_scheme_lose_their_target(string markdown)
    {
        await using var ctx = CreateContext();

        var cut = Render(ctx, markdown);

        Assert.Equal("x", cut.Find("a").TextContent);
        Assert.Null(cut.Find("a").GetAttribute("href"));
    }

    [Fact]
    public async Task Empty_text_renders_an_empty_block()
    {
        await using var ctx = CreateContext();

        var cut = Render(ctx, null);

        Assert.Empty(cut.Find("div.sd-markdown").ChildNodes);
    }

    [Fact]
    public void Overlong_text_is_cut_with_a_note()
    {
        var renderer = new MarkdownRenderer();

        var html = renderer.ToHtml(new string('a', MarkdownRenderer.MaxLength + 50_000));

        Assert.StartsWith("<p>" + new string('a', MarkdownRenderer.MaxLength) + "…</p>", html, StringComparison.Ordinal);
        Assert.Contains("<em>(Text shortened: showing the first 100,000 of 150,000 characters.)</em>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_within_the_cap_is_left_alone()
    {
        var text = new string('b', MarkdownRenderer.MaxLength);

        Assert.Same(text, MarkdownRenderer.Cap(text));
    }

    [Fact]
    public void The_cap_never_splits_a_surrogate_pair()
    {
        var text = new string('c', MarkdownRenderer.MaxLength - 1) + "😀" + "tail";

        var capped = MarkdownRenderer.Cap(text);

        Assert.StartsWith(new string('c', MarkdownRenderer.MaxLength - 1) + "…", capped, StringComparison.Ordinal);
        Assert.DoesNotContain('\uD83D', capped);
    }

    private static BunitContext CreateContext()
    {
        var ctx = new BunitContext();
        ctx.Services.AddSingleton<MarkdownRenderer>();
        return ctx;
    }

    private static IRenderedComponent<MarkdownText> Render(BunitContext ctx, string? markdown) =>
        ctx.Render<MarkdownText>(p => p.Add(c => c.Text, markdown));
}
