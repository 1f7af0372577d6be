namespace Relay.WebSockets.Tests.Support;

/// <summary>One <c>relay echo</c> process shared by a test class.</summary>
public sealed class RelayEchoFixture : IAsyncLifetime
{
    private PeerProcess? _process;

    public Uri Uri => _process!.Uri;

    public System.Net.IPEndPoint EndPoint => new(System.Net.IPAddress.Loopback, _process!.Port);

    public async Task InitializeAsync() => _process = await PeerProcess.StartRelayEchoAsync();

    public async Task DisposeAsync()
    {
        if (_process is not null)
            await _process.DisposeAsync();
    }
}
