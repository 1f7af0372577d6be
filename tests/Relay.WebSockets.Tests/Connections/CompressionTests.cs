using System.Text;
using Relay.WebSockets.Compression;
using Relay.WebSockets.Framing;
using Relay.WebSockets.Internal;
using Relay.WebSockets.Tests.Support;
using static Relay.WebSockets.Tests.Support.Frames;

namespace Relay.WebSockets.Tests.Connections;

/// <summary>permessage-deflate on a connection (RFC 7692 §6, §7.2) against .NET's independent DeflateStream.</summary>
public class CompressionTests
{
    private static readonly PerMessageDeflateParameters Deflate = new(ServerNoContextTakeover: true, ClientNoContextTakeover: false, 15, 15);
    private static readonly byte[] CloseNormal = Masked(Close, CloseBody(1000));

    [Fact]
    public async Task ReceiveAsync_inflates_a_compressed_text_message()
    {
        var text = "{\"kind\":1,\"content\":\"hello hello hello hello\"}";
        var input = Concat(Masked(Text, RawDeflate.CompressOnce(Encoding.UTF8.GetBytes(text)), reserved: 0x40), CloseNormal);
        var run = await ServerHarness.RunEverySplitAsync(input, deflate: Deflate);
        Assert.Equal([text], run.Texts);
    }

    [Fact]
    public async Task ReceiveAsync_inflates_a_fragmented_compressed_message_with_RSV1_on_the_first_frame_only()
    {
        var compressed = RawDeflate.CompressOnce(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("κόσμε ", 40))));
        var input = Concat(
            Masked(Text, compressed.AsSpan(0, 10), fin: false, reserved: 0x40),
            Masked(Ping, "p"u8),
            Masked(Continuation, compressed.AsSpan(10, 5), fin: false),
            Masked(Continuation, compressed.AsSpan(15)),
            CloseNormal);
        var run = await ServerHarness.RunEverySplitAsync(input, deflate: Deflate);
        Assert.Equal([string.Concat(Enumerable.Repeat("κόσμε ", 40))], run.Texts);
    }

    [Fact]
    public async Task ReceiveAsync_keeps_the_clients_context_across_messages()
    {
        using var client = new RawDeflate();
        var message = Encoding.UTF8.GetBytes(new string('n', 30) + "ostr event with repeated content");
        var first = client.Compress(message);
        var second = client.Compress(message); // refers back into the first message's window
        Assert.True(second.Length < first.Length);
        var run = await ServerHarness.RunAsync([Masked(Binary, first, reserved: 0x40), Masked(Binary, second, reserved: 0x40), CloseNormal], deflate: Deflate);
        Assert.Equal([Convert.ToHexString(message), Convert.ToHexString(message)], run.Messages.Select(m => m.Hex));
    }

    [Fact]
    public async Task ReceiveAsync_fails_corrupt_compressed_data_with_1007()
    {
        var run = await ServerHarness.RunEverySplitAsync(Concat(Masked(Binary, [0xFF, 0xFF, 0xFF, 0xFF], reserved: 0x40), CloseNormal), deflate: Deflate);
        Assert.Equal(1007, run.CloseSent.CloseCode);
        Assert.Equal(FrameError.InvalidCompressedData, run.Result.Error);
    }

    [Fact]
    public async Task ReceiveAsync_fails_compressed_text_that_inflates_to_invalid_UTF8_with_1007()
    {
        var run = await ServerHarness.RunAsync([Masked(Text, RawDeflate.CompressOnce([0x41, 0xED, 0xA0, 0x80]), reserved: 0x40), CloseNormal], deflate: Deflate);
        Assert.Equal(1007, run.CloseSent.CloseCode);
        Assert.Equal(FrameError.InvalidUtf8, run.Result.Error);
    }

    [Fact]
    public async Task TryWrite_compresses_messages_at_or_above_the_threshold_and_sends_smaller_ones_as_they_are()
    {
        var options = new WebSocketConnectionOptions { CompressionThreshold = 100 };
        var stream = new ScriptedStream([]) { HoldOpen = true };
        var observer = new RecordingObserver();
        await using var connection = new WebSocketConnection(new StreamTransport(stream, false), true, options, Deflate, null, observer, null);
        var large = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("[\"EVENT\",{\"id\":\"abc\"}]", 20)));
        var small = new byte[99];
        Assert.True(connection.TryWrite(large, WebSocketMessageType.Text));
        Assert.True(connection.TryWrite(small, WebSocketMessageType.Binary));
        Assert.True(connection.TryWrite(large, WebSocketMessageType.Text));
        Assert.True(await connection.FlushAsync());

        var frames = Decode(stream.Written);
        Assert.Equal([FrameHeader.Rsv1, 0, FrameHeader.Rsv1], frames.Select(frame => frame.Reserved));
        Assert.All(frames, frame => Assert.False(frame.Masked));
        Assert.Equal(small, frames[1].Payload);
        // server_no_context_takeover: each compressed message inflates on its own.
        Assert.Equal(large, RawDeflate.Decompress([frames[0].Payload]).Single());
        Assert.Equal(large, RawDeflate.Decompress([frames[2].Payload]).Single());
        Assert.Equal(2, observer.Compressions.Count);
        Assert.All(observer.Compressions, entry => Assert.True(entry.Compressed < entry.Uncompressed));
    }

    [Fact]
    public async Task TryWrite_with_server_context_takeover_refers_to_earlier_messages()
    {
        var deflate = Deflate with { ServerNoContextTakeover = false };
        var stream = new ScriptedStream([]) { HoldOpen = true };
        await using var connection = new WebSocketConnection(new StreamTransport(stream, false), true,
            new WebSocketConnectionOptions { CompressionThreshold = 0 }, deflate, null, null, null);
        var message = Encoding.UTF8.GetBytes("a message that repeats itself across messages, 0123456789");
        for (var i = 0; i < 3; i++)
            Assert.True(await connection.SendAsync(message, WebSocketMessageType.Binary));
        var frames = Decode(stream.Written);
        Assert.True(frames[1].Payload.Length < frames[0].Payload.Length / 2);
        Assert.All(RawDeflate.Decompress(frames.Select(frame => frame.Payload)), inflated => Assert.Equal(message, inflated));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(12)]
    [InlineData(15)]
    public async Task A_client_and_server_pair_exchange_compressed_messages_with_every_window_size(int windowBits)
    {
        foreach (var takeover in new[] { false, true })
        {
            var deflate = new PerMessageDeflateParameters(!takeover, !takeover, windowBits, windowBits);
            var (server, client) = InMemoryConnections.CreatePair(new WebSocketConnectionOptions { CompressionThreshold = 0 }, deflate);
            await using (server)
            await using (client)
            {
                var random = new Random(windowBits);
                for (var i = 0; i < 20; i++)
                {
                    var text = string.Concat(Enumerable.Range(0, random.Next(1, 400)).Select(_ => "nostr relay κόσμε "[random.Next(18)]));
                    Assert.True(await client.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text));
                    var received = await server.ReceiveAsync();
                    Assert.Equal(text, Encoding.UTF8.GetString(received.Payload.Span));
                    Assert.True(await server.SendAsync(received.Payload, WebSocketMessageType.Text));
                    Assert.Equal(text, Encoding.UTF8.GetString((await client.ReceiveAsync()).Payload.Span));
                }

                var serverSeesClose = server.ReceiveAsync().AsTask();
                var result = await client.CloseAsync();
                Assert.True((await serverSeesClose).IsClose);
                Assert.False(result.Abnormal);
            }
        }
    }
}
