using Microsoft.Extensions.Primitives;
using Relay.WebSockets.Handshake;

namespace Relay.WebSockets.Tests.Handshake;

public class ExtensionHeaderTests
{
    private static string Describe(List<ExtensionOffer> offers) =>
        string.Join(" | ", offers.Select(offer => offer.Name + string.Concat(offer.Parameters.Select(p => $";{p.Key}={p.Value ?? "(none)"}"))));

    [Theory]
    [InlineData("permessage-deflate", "permessage-deflate")]
    [InlineData("permessage-deflate; client_max_window_bits", "permessage-deflate;client_max_window_bits=(none)")]
    [InlineData(" permessage-deflate ;server_max_window_bits = 10 ; client_no_context_takeover ",
        "permessage-deflate;server_max_window_bits=10;client_no_context_takeover=(none)")]
    [InlineData("permessage-deflate; server_max_window_bits=\"10\"", "permessage-deflate;server_max_window_bits=10")]
    [InlineData("permessage-deflate; server_max_window_bits=\"1\\0\"", "permessage-deflate;server_max_window_bits=10")]
    [InlineData("x-webkit-deflate-frame, permessage-deflate; client_max_window_bits",
        "x-webkit-deflate-frame | permessage-deflate;client_max_window_bits=(none)")]
    [InlineData("a,,b", "a | b")]
    [InlineData("", "")]
    public void TryParse_reads_extensions_and_parameters(string header, string expected)
    {
        var offers = new List<ExtensionOffer>();
        Assert.True(ExtensionHeader.TryParse(new StringValues(header), offers));
        Assert.Equal(expected, Describe(offers));
    }

    [Fact]
    public void TryParse_reads_several_header_lines_in_order()
    {
        var offers = new List<ExtensionOffer>();
        Assert.True(ExtensionHeader.TryParse(new StringValues(["first; a=1", "second"]), offers));
        Assert.Equal("first;a=1 | second", Describe(offers));
    }

    [Theory]
    [InlineData("permessage-deflate;")]
    [InlineData("permessage-deflate; ;a")]
    [InlineData("permessage-deflate; =10")]
    [InlineData("permessage-deflate; a=")]
    [InlineData("permessage-deflate; a=\"10")]
    [InlineData("permessage-deflate; a=\"1 0\"")]
    [InlineData("permessage-deflate; a=\"\"")]
    [InlineData("permessage deflate")]
    [InlineData("permessage-deflate; a=b c")]
    [InlineData("@")]
    public void TryParse_rejects_values_outside_the_ABNF(string header)
    {
        Assert.False(ExtensionHeader.TryParse(new StringValues(header), new List<ExtensionOffer>()));
    }
}
