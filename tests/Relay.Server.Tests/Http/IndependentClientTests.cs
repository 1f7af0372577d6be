using Relay.Server.Tests.Diagnostics;

namespace Relay.Server.Tests.Http;

/// <summary>
/// The perimeter as an independent client sees it: Python's urllib for NIP-11 and the <c>websockets</c> library
/// (python3-websockets) for the per-IP cap, against the real Kestrel on 127.0.0.1.
/// </summary>
public class IndependentClientTests
{
    private const string Script = """
        import asyncio, json, sys, urllib.request
        import websockets

        base, ws_url = sys.argv[1], sys.argv[2]
        request = urllib.request.Request(base, headers={"Accept": "application/nostr+json"})
        with urllib.request.urlopen(request, timeout=20) as response:
            document = json.load(response)
            print("nip11", response.status, response.headers["Content-Type"], response.headers["Access-Control-Allow-Origin"],
                  document["limitation"]["max_subscriptions"], document["supported_nips"])

        async def main():
            async with websockets.connect(ws_url, open_timeout=20) as held:
                print("first", held.open)
                try:
                    async with websockets.connect(ws_url, open_timeout=20):
                        print("second admitted")
                except websockets.exceptions.InvalidStatusCode as refused:
                    print("second", refused.status_code, refused.headers.get("Retry-After"))

        asyncio.run(main())
        """;

    [Fact]
    public async Task Python_clients_read_NIP11_and_are_refused_over_the_per_ip_cap()
    {
        var python = ExternalTool.Require("/usr/bin/python3", "python3");
        await using var host = await HttpHost.StartAsync(new Dictionary<string, string?>
        {
            ["Limits:Connections:MaxConnectionsPerIp"] = "1",
        });
        var result = await ExternalTool.RunAsync(python, ["-c", Script, host.Address.ToString(), host.WebSocketAddress.ToString()],
            timeout: TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.Both + "\n(python3-websockets missing? scripts/install-test-deps.sh installs it)");
        Assert.Equal(
            [
                "nip11 200 application/nostr+json * 64 [1, 9, 11, 40]",
                "first True",
                "second 429 10",
            ],
            result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
