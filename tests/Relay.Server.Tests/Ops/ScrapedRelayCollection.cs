namespace Relay.Server.Tests.Ops;

/// <summary>The tests that share one <see cref="ScrapedRelayFixture"/> (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class ScrapedRelayCollection : ICollectionFixture<ScrapedRelayFixture>
{
    public const string Name = "Scraped relay";
}
