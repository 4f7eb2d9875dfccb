namespace Incidents.Browser.Tests;

/// <summary>Every browser test shares one service and one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
