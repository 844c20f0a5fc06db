namespace SupportDesk.Web.Hosting;

/// <summary>Headers on every response (pages, API, static files) that keep content the app serves from being turned against it.</summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts only from the app's own files: no inline script and no event-handler attributes, so markup smuggled into
    /// user content cannot run even if it got past the Markdown sanitizer. Styles allow inline because MudBlazor sets
    /// component styles through <c>style</c> attributes at run time (a style cannot run script in current browsers).
    /// <c>connect-src 'self'</c> covers the circuit's WebSocket; <c>frame-ancestors 'none'</c> refuses framing
    /// (clickjacking). Attachment downloads replace this with their own, stricter policy.
    /// </summary>
    internal const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSupportDeskSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            return next(context);
        });
}
