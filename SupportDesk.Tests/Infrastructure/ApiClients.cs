using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SupportDesk.Data.Access;
using SupportDesk.Data.ApiTokens;
using SupportDesk.Data.Users;

namespace SupportDesk.Tests.Infrastructure;

/// <summary>HttpClients for the real app's API, signed in with a personal token made through the app's own service.</summary>
public static class ApiClients
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<string> TokenAsync(this SupportDeskApp app, AppUser user, string name = "Tests")
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(user);
        var result = await app.Services.GetRequiredService<ApiTokenService>()
            .CreateAsync(new Actor(user.Id, ActorRole.Customer), new NewApiToken(name), Cancel);
        return result.Value?.Secret ?? throw new InvalidOperationException(result.Message);
    }

    /// <summary>A client that follows no redirects (a redirect to the login page would be a failure) and sends <paramref name="token"/>.</summary>
    public static HttpClient ApiClient(this SupportDeskApp app, string? token = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public static async Task<HttpClient> ApiClientAsync(this SupportDeskApp app, AppUser user) => app.ApiClient(await app.TokenAsync(user));

    public static Task<HttpResponseMessage> GetApiAsync(this HttpClient client, string path) =>
        client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

    public static Task<HttpResponseMessage> PostApiAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, Cancel);

    public static Task<HttpResponseMessage> PutApiAsync(this HttpClient client, string path, object body) =>
        client.PutAsJsonAsync(new Uri(path, UriKind.Relative), body, Cancel);

    /// <summary>The body as JSON after checking the status, showing the body when the status is not the expected one.</summary>
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(Cancel);
            Assert.True(response.StatusCode == expected, $"Expected {expected}, got {response.StatusCode}: {text}");
            return text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text);
        }
    }

    /// <summary>Checks an RFC 7807 answer: the status, the problem+json media type, and the body's status field.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var problem = await response.JsonAsync(expected);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
