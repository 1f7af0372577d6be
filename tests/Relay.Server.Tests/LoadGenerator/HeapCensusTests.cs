using System.Diagnostics;
using Relay.LoadGenerator.Measurement;
using Relay.LoadGenerator.Scenarios;
using Relay.Server.Tests.EndToEnd.Support;

namespace Relay.Server.Tests.LoadGenerator;

/// <summary><c>relay-load connect-hold --census</c> against a real <c>relay serve</c> process.</summary>
public sealed class HeapCensusTests
{
    private const int Connections = 30;

    [Fact]
    public async Task Connect_hold_census_finds_each_connections_objects_on_the_relays_heap()
    {
        var directory = Directory.CreateTempSubdirectory("relay-census-").FullName;
        try
        {
            using var relay = await RelayProcess.StartAsync(directory);
            var result = await ConnectHoldScenario.RunAsync(new ConnectHoldSettings
            {
                Url = relay.Url, Connections = Connections, Settle = TimeSpan.Zero, RelayPid = relay.Process.Id, Census = true,
                Timeout = TimeSpan.FromSeconds(60),
            }, CancellationToken.None);
            await relay.TerminateAsync();

            Assert.True(result.Complete);
            Assert.Null(result.CensusError);
            var census = result.Census!.ToDictionary(entry => entry.Type);
            // One codec connection and two actors (reader, writer) per client, as docs/architecture.md describes.
            Assert.True(census["Relay.WebSockets.WebSocketConnection"].Count >= Connections);
            Assert.True(census["Relay.Actors.Internal.ActorCell"].Count >= 2 * Connections);
            Assert.All(result.Census!, entry => Assert.True(entry.Count >= Connections * 9 / 10, entry.Type));
            Assert.Equal(result.Census!.OrderByDescending(entry => entry.Bytes), result.Census!);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_process_without_a_dotnet_runtime_gives_a_reason_not_a_census()
    {
        using var sleeper = Process.Start("sleep", "30");
        try
        {
            var (entries, error) = await HeapCensus.TakeAsync(sleeper.Id, minimumCount: 1, CancellationToken.None);

            Assert.Null(entries);
            Assert.Contains($"process {sleeper.Id}", error, StringComparison.Ordinal);
        }
        finally
        {
            sleeper.Kill();
        }
    }
}
