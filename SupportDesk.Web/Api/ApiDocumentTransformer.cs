using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SupportDesk.Web.Api;

/// <summary>Titles /openapi/v1.json and describes how to authenticate: a personal token as a Bearer header.</summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    private const string Bearer = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info.Title = "SupportDesk API";
        document.Info.Description = "Tickets, comments and users for integrations. Errors are RFC 7807 problem details; "
            + "a ticket you may not see answers 404 like a missing one.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "sdk_…",
            Description = "A personal API token, created on your profile page (/profile). "
                + "A signed-in browser's cookie also works, for GET requests only.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] }];
        return Task.CompletedTask;
    }
}
