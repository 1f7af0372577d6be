using System.Text;
using System.Text.Json;
using Relay.Nostr.Events;
using Relay.WebSockets;
using Relay.WebSockets.Client;

namespace Relay.Server.Tests.EndToEnd.Support;

/// <summary>A test client on our WebSocket client: send JSON, receive parsed relay messages, every wait bounded.</summary>
internal sealed class NostrClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private NostrClient(WebSocketConnection connection) => Connection = connection;

    public WebSocketConnection Connection { get; }

    public static async Task<NostrClient> ConnectAsync(Uri url)
    {
        var result = await WebSocketClient.ConnectAsync(url, new WebSocketClientOptions
        {
            Connection = new WebSocketConnectionOptions { MaxMessageSize = 1 << 20, MaxFrameSize = 1 << 20, PerMessageDeflate = null },
        });
        Assert.True(result.IsConnected, $"connect failed: {result.Error} {result.StatusCode}");
        return new NostrClient(result.Connection!);
    }

    public async Task SendAsync(string json) =>
        Assert.True(await Connection.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text), "send failed");

    public Task SendEventAsync(NostrEvent e) => SendAsync($"[\"EVENT\",{e}]");

    /// <summary>The next relay message, or null when the connection ended.</summary>
    public async Task<JsonElement?> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? Timeout);
        var message = await Connection.ReceiveAsync(cts.Token);
        if (message.IsClose)
            return null;
        using var document = JsonDocument.Parse(message.Payload);
        return document.RootElement.Clone();
    }

    /// <summary>Receives until a message satisfies <paramref name="match"/>; fails if the connection ends first.</summary>
    public async Task<JsonElement> ReceiveUntilAsync(Func<JsonElement, bool> match, List<JsonElement>? skipped = null)
    {
        for (var i = 0; i < 100_000; i++)
        {
            var message = await ReceiveAsync() ?? throw new InvalidOperationException($"connection ended: {Connection.Completion.Result}");
            if (match(message))
                return message;
            skipped?.Add(message);
        }

        throw new InvalidOperationException("too many messages");
    }

    /// <summary>Publishes and returns the OK (accepted, message).</summary>
    public async Task<(bool Accepted, string Message)> PublishAsync(NostrEvent e)
    {
        await SendEventAsync(e);
        var id = e.Id.ToString();
        var ok = await ReceiveUntilAsync(m => Verb(m) == "OK" && m[1].GetString() == id);
        return (ok[2].GetBoolean(), ok[3].GetString()!);
    }

    /// <summary>Sends a REQ and returns the stored events (as JSON) up to EOSE.</summary>
    public async Task<List<JsonElement>> QueryAsync(string subscriptionId, params string[] filters)
    {
        await SendAsync($"[\"REQ\",\"{subscriptionId}\",{string.Join(',', filters)}]");
        var events = new List<JsonElement>();
        for (var i = 0; i < 100_000; i++)
        {
            var m = await ReceiveUntilAsync(m => m[1].GetString() == subscriptionId);
            switch (Verb(m))
            {
                case "EVENT":
                    events.Add(m[2]);
                    break;
                case "EOSE":
                    return events;
                default:
                    throw new InvalidOperationException($"unexpected {m}");
            }
        }

        throw new InvalidOperationException("too many messages");
    }

    /// <summary>Reads (and discards) messages until the connection ends; returns how it ended.</summary>
    public async Task<WebSocketCloseResult> WaitClosedAsync()
    {
        for (var i = 0; i < 1_000_000; i++)
        {
            using var cts = new CancellationTokenSource(Timeout);
            var message = await Connection.ReceiveAsync(cts.Token);
            if (message.IsClose)
                return await Connection.Completion;
        }

        throw new InvalidOperationException("the connection did not end");
    }

    public static string Verb(JsonElement message) => message[0].GetString()!;

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
