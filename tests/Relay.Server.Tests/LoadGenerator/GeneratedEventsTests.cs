using Relay.LoadGenerator.Events;
using Relay.LoadGenerator.Scenarios;
using Relay.Server.Tests.Diagnostics;

namespace Relay.Server.Tests.LoadGenerator;

/// <summary>relay-load and loadtest/scripts/generate-events.mjs (nostr-tools) must agree on files and on authors.</summary>
public sealed class GeneratedEventsTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Publish_reads_the_k6_generator_output_and_req_derives_the_same_authors_from_its_seed()
    {
        var node = ExternalTool.RequireOnPath("node", "Node.js 18+ (Debian package 'nodejs') and run `npm ci` in tests/js");
        var file = Path.Combine(Path.GetTempPath(), $"relay-load-k6-{Guid.NewGuid():N}.jsonl");
        try
        {
            var generated = await ExternalTool.RunAsync(node, [RepositoryRoot.File("loadtest", "scripts", "generate-events.mjs"),
                "--count", "24", "--authors", "3", "--seed", "relay-load-tests", "--out", file], timeout: Bound);
            Assert.True(generated.ExitCode == 0, generated.Both);

            // The same key derivation (sha256 of "<seed>/author/<i>") on both sides.
            var fromFile = (await JsonlEvents.ReadAsync(file, int.MaxValue, CancellationToken.None)).Select(e => e.PubKey).Distinct().Order();
            var derived = EventFactory.AuthorPubKeys(new EventRecipe { KeySeed = "relay-load-tests", Authors = 3 }).Order();
            Assert.Equal(derived, fromFile);

            await using var relay = await LoopbackNostrRelay.StartAsync();
            var result = await PublishScenario.RunAsync(new PublishSettings
            {
                Url = relay.Url, Events = 1_000, Connections = 2, InputFile = file, Timeout = Bound,
            }, CancellationToken.None);

            // The loopback relay verifies every signature nostr-tools made and stores every event.
            Assert.True(result.Complete);
            Assert.Equal(24, result.Events);
            Assert.Equal(24, result.Accepted);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
