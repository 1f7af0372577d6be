using Microsoft.Extensions.Primitives;
using Relay.WebSockets.Handshake;
using Relay.WebSockets.Tests.Support;

namespace Relay.WebSockets.Tests.Handshake;

public class WebSocketHandshakeTests
{
    [Fact]
    public void ComputeAcceptKey_gives_the_value_of_RFC_6455_section_1_3()
    {
        Assert.Equal("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", WebSocketHandshake.ComputeAcceptKey("dGhlIHNhbXBsZSBub25jZQ=="));
    }

    [Theory]
    [InlineData("dGhlIHNhbXBsZSBub25jZQ==", true)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==", true)]
    [InlineData("dGhlIHNhbXBsZSBub25jZQ", false)]      // unpadded
    [InlineData("dGhlIHNhbXBsZSBub25jZQ=", false)]
    [InlineData("dGhlIHNhbXBsZSBub25jZXg=", false)]    // 17 bytes
    [InlineData("dGhlIHNhbXBsZSBub25j", false)]        // 15 bytes
    [InlineData("dGhlIHNhbXBs ZSBub25jZQ=", false)]    // embedded space
    [InlineData("dGhlIHNhbXBsZSBub25jZQ!=", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValidKey_requires_base64_of_exactly_16_bytes(string? key, bool valid)
    {
        Assert.Equal(valid, WebSocketHandshake.IsValidKey(key));
    }

    [Fact]
    public void CreateClientKey_makes_fresh_valid_keys()
    {
        var keys = Enumerable.Range(0, 100).Select(_ => WebSocketHandshake.CreateClientKey()).ToList();
        Assert.All(keys, key => Assert.True(WebSocketHandshake.IsValidKey(key)));
        Assert.Equal(100, keys.Distinct().Count());
    }

    [Theory]
    [InlineData("Upgrade", true)]
    [InlineData("upgrade", true)]
    [InlineData("keep-alive, Upgrade", true)]
    [InlineData("keep-alive ,\tUPGRADE ", true)]
    [InlineData("keep-alive", false)]
    [InlineData("upgraded", false)]
    [InlineData("", false)]
    public void HeaderContainsToken_matches_comma_separated_tokens_case_insensitively(string value, bool expected)
    {
        Assert.Equal(expected, WebSocketHandshake.HeaderContainsToken(new StringValues(value), "Upgrade"));
        Assert.Equal(expected, WebSocketHandshake.HeaderContainsToken(new StringValues(["close", value]), "upgrade"));
    }

    [Fact]
    public void ToStatusCode_maps_every_handshake_error()
    {
        var expected = new Dictionary<HandshakeError, int>
        {
            [HandshakeError.None] = 101,
            [HandshakeError.PathNotFound] = 404,
            [HandshakeError.MethodNotAllowed] = 405,
            [HandshakeError.UnsupportedHttpVersion] = 400,
            [HandshakeError.MissingHost] = 400,
            [HandshakeError.MissingUpgradeWebSocket] = 400,
            [HandshakeError.MissingConnectionUpgrade] = 400,
            [HandshakeError.MissingKey] = 400,
            [HandshakeError.InvalidKey] = 400,
            [HandshakeError.MissingVersion] = 400,
            [HandshakeError.UnsupportedVersion] = 426,
            [HandshakeError.OriginNotAllowed] = 403,
            [HandshakeError.MalformedExtensions] = 400,
            [HandshakeError.UpgradeUnavailable] = 400,
        };
        EnumMapping.AssertMapsEveryValue(expected, HandshakeErrors.ToStatusCode);
    }
}
