using System.Text;
using Relay.WebSockets.Tests.Support;
using static Relay.WebSockets.Tests.Support.Frames;

namespace Relay.WebSockets.Tests.Integration;

/// <summary>
/// Our own rendering of Autobahn|Testsuite's fuzzingclient cases 1-10 (crossbario/autobahn-testsuite, case/*.py)
/// against the real <c>relay echo</c> process: the bytes a case sends, the frames it expects back, and how the
/// connection must end. Cases 12-13 (permessage-deflate) run through python3-websockets below.
/// </summary>
public class AutobahnLikeTests(RelayEchoFixture relay) : IClassFixture<RelayEchoFixture>
{
    /// <summary>One case: what to send, which frames must come back, and the close code the server must send (null: none).</summary>
    public sealed record Case(string Id, byte[][] Send, (byte Opcode, byte[] Payload)[] Expect, ushort? CloseCode = null, bool SendsClose = false)
    {
        public override string ToString() => Id;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Bytes(int length, int seed = 0)
    {
        var bytes = new byte[length];
        new Random(seed + length).NextBytes(bytes);
        return bytes;
    }

    private static byte[] Chars(int length) => Enumerable.Range(0, length).Select(i => (byte)('*' + (i % 64))).ToArray();

    private static byte[][] Chop(byte[] bytes, int size) => bytes.Chunk(size).ToArray();

    private static (byte, byte[]) EchoText(byte[] payload) => (Text, payload);

    private static (byte, byte[]) PongOf(byte[] payload) => (Pong, payload);

    private static readonly byte[] Hello = Utf8("Hello, world!");

    public static TheoryData<Case> Cases()
    {
        var cases = new List<Case>();
        // 1.x: echo of text and binary messages of every length encoding, whole and in 997-byte chops.
        foreach (var length in new[] { 0, 125, 126, 127, 128, 65535, 65536 })
        {
            cases.Add(new($"1.1 text {length}", [Masked(Text, Chars(length))], [(Text, Chars(length))]));
            cases.Add(new($"1.2 binary {length}", [Masked(Binary, Bytes(length))], [(Binary, Bytes(length))]));
        }

        cases.Add(new("1.1.8 text 65536 in 997-byte chops", Chop(Masked(Text, Chars(65536)), 997), [(Text, Chars(65536))]));
        cases.Add(new("1.2.8 binary 65536 in 997-byte chops", Chop(Masked(Binary, Bytes(65536)), 997), [(Binary, Bytes(65536))]));

        // 2.x: ping and pong.
        cases.Add(new("2.1 ping without payload", [Masked(Ping, [])], [PongOf([])]));
        cases.Add(new("2.2 ping with text payload", [Masked(Ping, Hello)], [PongOf(Hello)]));
        cases.Add(new("2.3 ping with binary payload", [Masked(Ping, [0x00, 0xFF, 0xFE, 0xFD, 0xFC, 0xFB, 0x00, 0xFF])], [PongOf([0x00, 0xFF, 0xFE, 0xFD, 0xFC, 0xFB, 0x00, 0xFF])]));
        cases.Add(new("2.4 ping with 125 bytes", [Masked(Ping, Bytes(125))], [PongOf(Bytes(125))]));
        cases.Add(new("2.5 ping with 126 bytes", [Masked(Ping, Bytes(126))], [], 1002));
        cases.Add(new("2.6 ping with 125 bytes in 1-byte chops", Chop(Masked(Ping, Bytes(125)), 1), [PongOf(Bytes(125))]));
        cases.Add(new("2.7 unsolicited pong", [Masked(Pong, [])], []));
        cases.Add(new("2.8 unsolicited pong with payload", [Masked(Pong, Utf8("unsolicited pong payload"))], []));
        cases.Add(new("2.9 unsolicited pong, then ping", [Masked(Pong, Utf8("unsolicited")), Masked(Ping, Utf8("ping payload"))], [PongOf(Utf8("ping payload"))]));
        cases.Add(new("2.10 ten pings", Enumerable.Range(0, 10).Select(i => Masked(Ping, Utf8($"payload-{i}"))).ToArray(),
            Enumerable.Range(0, 10).Select(i => PongOf(Utf8($"payload-{i}"))).ToArray()));
        cases.Add(new("2.11 ten pings in 1-byte chops", Enumerable.Range(0, 10).SelectMany(i => Chop(Masked(Ping, Utf8($"payload-{i}")), 1)).ToArray(),
            Enumerable.Range(0, 10).Select(i => PongOf(Utf8($"payload-{i}"))).ToArray()));

        // 3.x: reserved bits (no extension negotiated): the earlier valid frames are still answered.
        cases.Add(new("3.1 text with RSV1", [Masked(Text, Hello, reserved: 0x40)], [], 1002));
        cases.Add(new("3.2 text, text with RSV2, ping", [Masked(Text, Hello), Masked(Text, Hello, reserved: 0x20), Masked(Ping, [])], [EchoText(Hello)], 1002));
        cases.Add(new("3.3 text, text with RSV3, ping", [Concat(Masked(Text, Hello), Masked(Text, Hello, reserved: 0x10), Masked(Ping, []))], [EchoText(Hello)], 1002));
        cases.Add(new("3.4 text, text with RSV1+RSV3, ping in chops", Chop(Concat(Masked(Text, Hello), Masked(Text, Hello, reserved: 0x50), Masked(Ping, [])), 1), [EchoText(Hello)], 1002));
        cases.Add(new("3.5 binary with RSV1+RSV2", [Masked(Binary, Bytes(8), reserved: 0x60)], [], 1002));
        cases.Add(new("3.6 ping with RSV1+RSV2+RSV3", [Masked(Ping, Hello, reserved: 0x70)], [], 1002));
        cases.Add(new("3.7 close with RSV", [Masked(Close, CloseBody(1000), reserved: 0x70)], [], 1002));

        // 4.x: reserved opcodes.
        foreach (var opcode in new byte[] { 3, 4, 5, 6, 7, 11, 12, 13, 14, 15 })
        {
            cases.Add(new($"4 opcode {opcode}", [Masked(opcode, [])], [], 1002));
            cases.Add(new($"4 text, opcode {opcode} with payload, ping", [Masked(Text, Hello), Masked(opcode, Hello), Masked(Ping, [])], [EchoText(Hello)], 1002));
        }

        // 5.x: fragmentation.
        cases.Add(new("5.1 fragmented ping", [Masked(Ping, Utf8("fragment1"), fin: false), Masked(Continuation, Utf8("fragment2"))], [], 1002));
        cases.Add(new("5.2 fragmented pong", [Masked(Pong, Utf8("fragment1"), fin: false), Masked(Continuation, Utf8("fragment2"))], [], 1002));
        cases.Add(new("5.3 text in two fragments", [Masked(Text, Utf8("fragment1"), fin: false), Masked(Continuation, Utf8("fragment2"))], [EchoText(Utf8("fragment1fragment2"))]));
        cases.Add(new("5.4 text in two fragments in 1-byte chops", Chop(Concat(Masked(Text, Utf8("fragment1"), fin: false), Masked(Continuation, Utf8("fragment2"))), 1), [EchoText(Utf8("fragment1fragment2"))]));
        cases.Add(new("5.6 text in two fragments with a ping between", [Masked(Text, Utf8("fragment1"), fin: false), Masked(Ping, Utf8("ping payload")), Masked(Continuation, Utf8("fragment2"))],
            [PongOf(Utf8("ping payload")), EchoText(Utf8("fragment1fragment2"))]));
        cases.Add(new("5.8 the same in 1-byte chops", Chop(Concat(Masked(Text, Utf8("fragment1"), fin: false), Masked(Ping, Utf8("ping payload")), Masked(Continuation, Utf8("fragment2"))), 1),
            [PongOf(Utf8("ping payload")), EchoText(Utf8("fragment1fragment2"))]));
        cases.Add(new("5.9 continuation first, FIN set", [Masked(Continuation, Utf8("non-continuation payload")), Masked(Text, Hello)], [], 1002));
        cases.Add(new("5.12 continuation first, FIN clear", [Masked(Continuation, Utf8("non-continuation payload"), fin: false), Masked(Text, Hello)], [], 1002));
        cases.Add(new("5.15 a second message fragment after a complete one, then a new text", [
            Masked(Text, Utf8("fragment1"), fin: false), Masked(Continuation, Utf8("fragment2")),
            Masked(Continuation, Utf8("fragment3"), fin: false), Masked(Text, Utf8("fragment4"))], [EchoText(Utf8("fragment1fragment2"))], 1002));
        cases.Add(new("5.16 continuation, text, continuation", [Masked(Continuation, Utf8("fragment1"), fin: false), Masked(Text, Utf8("fragment2"), fin: false), Masked(Continuation, Utf8("fragment3"))], [], 1002));
        cases.Add(new("5.18 text, then text instead of continuation", [Masked(Text, Utf8("fragment1"), fin: false), Masked(Text, Utf8("fragment2"))], [], 1002));
        cases.Add(new("5.19 five fragments with two pings between", [
            Masked(Text, Utf8("fragment1"), fin: false), Masked(Continuation, Utf8("fragment2"), fin: false), Masked(Ping, Utf8("pongme 1!")),
            Masked(Continuation, Utf8("fragment3"), fin: false), Masked(Continuation, Utf8("fragment4"), fin: false), Masked(Ping, Utf8("pongme 2!")),
            Masked(Continuation, Utf8("fragment5"))],
            [PongOf(Utf8("pongme 1!")), PongOf(Utf8("pongme 2!")), EchoText(Utf8("fragment1fragment2fragment3fragment4fragment5"))]));

        // 6.x: UTF-8.
        cases.Add(new("6.1.1 empty text", [Masked(Text, [])], [EchoText([])]));
        cases.Add(new("6.1.2 three empty fragments", [Masked(Text, [], fin: false), Masked(Continuation, [], fin: false), Masked(Continuation, [])], [EchoText([])]));
        cases.Add(new("6.1.3 empty, middle, empty", [Masked(Text, [], fin: false), Masked(Continuation, Utf8("middle"), fin: false), Masked(Continuation, [])], [EchoText(Utf8("middle"))]));
        var valid = Utf8("Hello-µ@ßöäüàá-UTF-8!!");
        cases.Add(new("6.2.1 valid UTF-8 in one frame", [Masked(Text, valid)], [EchoText(valid)]));
        cases.Add(new("6.2.3 valid UTF-8 one byte per fragment", valid.Select((b, i) => Masked(i == 0 ? Text : Continuation, [b], fin: i == valid.Length - 1)).ToArray(), [EchoText(valid)]));
        var kosme = Convert.FromHexString("cebae1bdb9cf83cebcceb5");
        cases.Add(new("6.2.4 κόσμε one byte per fragment", kosme.Select((b, i) => Masked(i == 0 ? Text : Continuation, [b], fin: i == kosme.Length - 1)).ToArray(), [EchoText(kosme)]));
        var invalid = Convert.FromHexString("cebae1bdb9cf83cebcceb5eda080656469746564");
        cases.Add(new("6.3.1 invalid UTF-8 in one frame", [Masked(Text, invalid)], [], 1007));
        cases.Add(new("6.3.2 invalid UTF-8 one byte per fragment", invalid.Select((b, i) => Masked(i == 0 ? Text : Continuation, [b], fin: i == invalid.Length - 1)).ToArray(), [], 1007));
        cases.Add(new("6.4.1 invalid second of three fragments", [
            Masked(Text, kosme, fin: false), Masked(Continuation, Convert.FromHexString("f4908080"), fin: false), Masked(Continuation, Utf8("edited"))], [], 1007));
        cases.Add(new("6.4.3 invalid second of three chops of one frame", Chop(Masked(Text, Concat(kosme, Convert.FromHexString("f4908080"), Utf8("edited"))), 17), [], 1007));
        foreach (var (hex, ok) in new[] { ("f0908080", true), ("f48fbfbf", true), ("efbfbe", true), ("f4908080", false), ("eda080", false), ("c0af", false), ("fe", false), ("e080", false) })
        {
            var payload = Convert.FromHexString(hex);
            cases.Add(ok ? new Case($"6.x valid {hex}", [Masked(Text, payload)], [EchoText(payload)]) : new Case($"6.x invalid {hex}", [Masked(Text, payload)], [], 1007));
        }

        // 7.x: closing.
        cases.Add(new("7.1.1 text then close", [Masked(Text, Hello), Masked(Close, CloseBody(1000))], [EchoText(Hello)], 1000, SendsClose: true));
        cases.Add(new("7.1.2 two closes", [Masked(Close, CloseBody(1000)), Masked(Close, CloseBody(1000))], [], 1000, SendsClose: true));
        cases.Add(new("7.1.3 ping after close", [Masked(Close, CloseBody(1000)), Masked(Ping, Hello)], [], 1000, SendsClose: true));
        cases.Add(new("7.1.4 text after close", [Masked(Close, CloseBody(1000)), Masked(Text, Hello)], [], 1000, SendsClose: true));
        cases.Add(new("7.1.5 fragment, close, fragment", [Masked(Text, Utf8("fragment1"), fin: false), Masked(Close, CloseBody(1000)), Masked(Continuation, Utf8("fragment2"))], [], 1000, SendsClose: true));
        cases.Add(new("7.1.6 256 KiB message, close, ping", [Masked(Text, Chars(256 * 1024)), Masked(Close, CloseBody(1000)), Masked(Ping, Hello)], [EchoText(Chars(256 * 1024))], 1000, SendsClose: true));
        cases.Add(new("7.3.1 close without payload", [Masked(Close, [])], [], 1005, SendsClose: true));
        cases.Add(new("7.3.2 close with one byte", [Masked(Close, [0x2A])], [], 1002, SendsClose: true));
        cases.Add(new("7.3.3 close with code 1000", [Masked(Close, CloseBody(1000))], [], 1000, SendsClose: true));
        cases.Add(new("7.3.4 close with code and reason", [Masked(Close, CloseBody(1000, "Hello World!"))], [], 1000, SendsClose: true));
        cases.Add(new("7.3.5 close with a 123-byte reason", [Masked(Close, CloseBody(1000, new string('*', 123)))], [], 1000, SendsClose: true));
        cases.Add(new("7.3.6 close with a 124-byte reason", [Masked(Close, CloseBody(1000, new string('*', 124)))], [], 1002, SendsClose: true));
        cases.Add(new("7.5.1 close reason not UTF-8", [Masked(Close, Concat(CloseBody(1000), invalid))], [], 1007, SendsClose: true));
        foreach (var code in new ushort[] { 1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 3999, 4000, 4999 })
            cases.Add(new($"7.7 valid close code {code}", [Masked(Close, CloseBody(code))], [], code, SendsClose: true));
        foreach (var code in new ushort[] { 0, 999, 1004, 1005, 1006, 1016, 1100, 2000, 2999, 5000, 65535 })
            cases.Add(new($"7.9/7.13 invalid close code {code}", [Masked(Close, CloseBody(code))], [], 1002, SendsClose: true));

        // 9.x: limits large enough for conformance: 16 MiB messages, and 4 MiB in 64-byte fragments.
        cases.Add(new("9.1.6 16 MiB text", [Masked(Text, Chars(16 << 20))], [EchoText(Chars(16 << 20))]));
        cases.Add(new("9.2.6 16 MiB binary", [Masked(Binary, Bytes(16 << 20))], [(Binary, Bytes(16 << 20))]));
        var fragmented = Chars(4 << 20).Chunk(64).Select((chunk, i) => Masked(i == 0 ? Text : Continuation, chunk, fin: i == (4 << 20) / 64 - 1)).ToArray();
        cases.Add(new("9.3.1 4 MiB text in 64-byte fragments", [Concat(fragmented)], [EchoText(Chars(4 << 20))]));
        cases.Add(new("9.5.1 1 MiB text in 64-byte chops", Chop(Masked(Text, Chars(1 << 20)), 64), [EchoText(Chars(1 << 20))]));
        cases.Add(new("9.7 100 text messages", [Concat(Enumerable.Range(0, 100).Select(i => Masked(Text, Utf8($"message {i}"))).ToArray())],
            Enumerable.Range(0, 100).Select(i => EchoText(Utf8($"message {i}"))).ToArray()));
        cases.Add(new("16 MiB + 1 closes 1009", [Build(Text, [], maskKey: [1, 2, 3, 4], announcedLength: (16 << 20) + 1)], [], 1009));

        // 10.1.1: 64 KiB text in 1300-byte fragments.
        var pieces = Chars(65536).Chunk(1300).ToArray();
        var auto = pieces.Select((chunk, i) => Masked(i == 0 ? Text : Continuation, chunk, fin: i == pieces.Length - 1)).ToArray();
        cases.Add(new("10.1.1 64 KiB in 1300-byte fragments", [Concat(auto)], [EchoText(Chars(65536))]));

        var data = new TheoryData<Case>();
        foreach (var item in cases)
            data.Add(item);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Relay_echo_behaves_as_the_case_expects(Case testCase)
    {
        await using var connection = await RawConnection.ConnectAsync(relay.EndPoint);
        await connection.SendAsync(RawConnection.Request("/autobahn"));
        Assert.Equal(101, (await connection.ReadResponseHeadAsync()).Status);
        foreach (var chunk in testCase.Send)
            await connection.SendAsync(chunk);

        List<Decoded> frames;
        if (testCase.CloseCode is null)
        {
            frames = await connection.ReadFramesAsync(testCase.Expect.Length);
            AssertFrames(testCase.Expect, frames);
            // Nothing else may have come: our normal close is answered with 1000 and nothing before it.
            await connection.SendAsync(Masked(Close, CloseBody(1000)));
            frames = await connection.ReadFramesUntilAsync(Close);
            Assert.Equal(1000, Assert.Single(frames).CloseCode);
        }
        else
        {
            frames = await connection.ReadFramesUntilAsync(Close);
            Assert.NotEmpty(frames);
            var close = frames[^1];
            Assert.Equal(Close, close.Opcode);
            Assert.Equal(testCase.CloseCode, close.CloseCode);
            AssertFrames(testCase.Expect, frames[..^1]);
            if (!testCase.SendsClose)
                await connection.SendAsync(Masked(Close, CloseBody(testCase.CloseCode.Value)));
        }

        // The server closes TCP first, promptly (RFC 6455 §7.1.1).
        Assert.True(await connection.WaitForServerToCloseAsync(), "the server kept TCP open");
    }

    private static void AssertFrames((byte Opcode, byte[] Payload)[] expected, List<Decoded> actual)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Opcode, actual[i].Opcode);
            Assert.True(expected[i].Payload.AsSpan().SequenceEqual(actual[i].Payload), $"payload of frame {i} differs");
            Assert.False(actual[i].Masked);
            Assert.True(actual[i].Fin);
        }
    }

    [Theory]
    [InlineData("12.1: default offer", new[] { "0,1,0" })]
    [InlineData("13.2: server_no_context_takeover", new[] { "1,1,0" })]
    [InlineData("13.3: server_max_window_bits=8", new[] { "0,1,8" })]
    [InlineData("13.4: server_max_window_bits=15", new[] { "0,1,15" })]
    [InlineData("13.5: both, 8 bits", new[] { "1,1,8" })]
    [InlineData("13.6: both, 15 bits", new[] { "1,1,15" })]
    [InlineData("13.7: three offers", new[] { "1,1,8", "1,1,0", "0,1,0" })]
    [InlineData("client keeps its context", new[] { "0,0,0" })]
    public async Task Relay_echo_exchanges_compressed_messages_with_every_permessage_deflate_offer(string name, string[] offers)
    {
        var (exitCode, output) = await PeerProcess.RunAsync(PeerProcess.Peer.Python, "ws_client_peer.py", [relay.Uri.ToString(), "deflate-offers", .. offers]);
        Assert.True(exitCode == 0, $"{name}: {output}");
        Assert.StartsWith("OK", output);
    }
}
