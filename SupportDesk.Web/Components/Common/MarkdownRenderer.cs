using System.Globalization;
using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SupportDesk.Web.Components.Common;

/// <summary>
/// Turns user-written Markdown (ticket descriptions, comments) into HTML that cannot run script.
/// Two walls: Markdig never passes raw HTML through (it is escaped and shows as text), and the
/// sanitiser then keeps only an allow-list of tags, attributes and link schemes from whatever Markdig
/// produced. Stateless and shared by every circuit; nothing is cached per user.
/// </summary>
public sealed class MarkdownRenderer
{
    /// <summary>Longer input is cut so one huge text cannot stall a circuit while it is parsed.</summary>
    public const int MaxLength = 100_000;

    private static readonly HashSet<string> LinkSchemes = Set("http", "https", "mailto");

    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UsePipeTables()
        .UseTaskLists()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    public string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }

        var document = Markdown.Parse(Cap(markdown), pipeline);

        // No images from user text: a remote image is a tracking pixel (it tells its owner who read the
        // ticket, when and from where). An image becomes an ordinary link the reader may choose to follow.
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage))
        {
            image.IsImage = false;
        }

        return sanitizer.Sanitize(document.ToHtml(pipeline));
    }

    /// <summary>The text itself when short enough, else its start and a note saying it was shortened.</summary>
    public static string Cap(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (markdown.Length <= MaxLength)
        {
            return markdown;
        }

        var cut = char.IsHighSurrogate(markdown[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return string.Create(CultureInfo.InvariantCulture,
            $"{markdown[..cut]}…\n\n*(Text shortened: showing the first {cut:N0} of {markdown.Length:N0} characters.)*");
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        // Built from empty sets (not the library's defaults) so nothing is allowed that is not listed here.
        var options = HtmlSanitizerOptions.Empty();
        options.AllowedTags = Set(
            "p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a",
            "h1", "h2", "h3", "h4", "h5", "h6", "hr", "del", "sub", "sup", "ins", "mark",
            "table", "thead", "tbody", "tr", "th", "td", "input");
        options.AllowedAttributes = Set("href", "title", "start", "type", "checked", "disabled");
        options.UriAttributes = Set("href");
        options.AllowedSchemes = LinkSchemes;

        var sanitizer = new HtmlSanitizer(options);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not IElement element)
            {
                return;
            }

            switch (element.LocalName)
            {
                case "a":
                    // The sanitiser lets relative links through; user text may only link out with a listed scheme.
                    if (element.GetAttribute("href") is { } href && !IsAllowedLink(href))
                    {
                        element.RemoveAttribute("href");
                    }

                    element.SetAttribute("rel", "nofollow noopener noreferrer");
                    element.SetAttribute("target", "_blank");
                    break;
                case "input" when !string.Equals(element.GetAttribute("type"), "checkbox", StringComparison.OrdinalIgnoreCase):
                    // Inputs exist only for task-list boxes; any other kind is dropped.
                    element.Remove();
                    break;
                case "input":
                    element.SetAttribute("disabled", "disabled");
                    break;
                default:
                    element.RemoveAttribute("type");
                    break;
            }
        };
        return sanitizer;
    }

    private static bool IsAllowedLink(string href) =>
        Uri.TryCreate(href, UriKind.Absolute, out var uri) && LinkSchemes.Contains(uri.Scheme);

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.OrdinalIgnoreCase);
}
