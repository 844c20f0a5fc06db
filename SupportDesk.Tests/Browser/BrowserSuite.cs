namespace SupportDesk.Tests.Browser;

/// <summary>
/// Every browser test class shares one app and one Chromium and runs one after another: a second app and
/// browser per class would cost seconds each, and flows racing each other on 2 cores time out.
/// Tests keep apart by creating their own users, tickets and tags with unique names.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserSuite : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser";
}
