using System.Net;
using System.Text.RegularExpressions;

namespace SupportDesk.Tests.Infrastructure;

/// <summary>Posts the static account forms the way a browser does: fetch the page, echo its anti-forgery token.</summary>
public static partial class AccountForms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var cancel = TestContext.Current.CancellationToken;
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative), cancel);
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryField().Match(page).Groups[1].Value);
        fields["_handler"] = handler;
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(path, UriKind.Relative), form, cancel);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
