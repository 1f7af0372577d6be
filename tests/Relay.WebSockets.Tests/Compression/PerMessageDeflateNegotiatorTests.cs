using Microsoft.Extensions.Primitives;
using Relay.WebSockets.Compression;
using Relay.WebSockets.Compression.Internal;
using Relay.WebSockets.Handshake;

namespace Relay.WebSockets.Tests.Compression;

public class PerMessageDeflateNegotiatorTests
{
    private static List<ExtensionOffer> Parse(string header)
    {
        var offers = new List<ExtensionOffer>();
        Assert.True(ExtensionHeader.TryParse(new StringValues(header), offers));
        return offers;
    }

    [Theory]
    [InlineData("permessage-deflate", "permessage-deflate; server_no_context_takeover", true, false, 15, 15)]
    [InlineData("permessage-deflate; client_max_window_bits", "permessage-deflate; server_no_context_takeover", true, false, 15, 15)]
    [InlineData("permessage-deflate; client_max_window_bits=10", "permessage-deflate; server_no_context_takeover; client_max_window_bits=10", true, false, 15, 10)]
    [InlineData("permessage-deflate; server_max_window_bits=10", "permessage-deflate; server_no_context_takeover; server_max_window_bits=10", true, false, 10, 15)]
    [InlineData("permessage-deflate; server_max_window_bits=8", "permessage-deflate; server_no_context_takeover; server_max_window_bits=8", true, false, 8, 15)]
    [InlineData("permessage-deflate; server_max_window_bits=15", "permessage-deflate; server_no_context_takeover; server_max_window_bits=15", true, false, 15, 15)]
    [InlineData("permessage-deflate; client_no_context_takeover", "permessage-deflate; server_no_context_takeover; client_no_context_takeover", true, true, 15, 15)]
    [InlineData("permessage-deflate; server_no_context_takeover", "permessage-deflate; server_no_context_takeover", true, false, 15, 15)]
    [InlineData("PerMessage-Deflate; Server_Max_Window_Bits=9", "permessage-deflate; server_no_context_takeover; server_max_window_bits=9", true, false, 9, 15)]
    // Autobahn 13.7: the first acceptable offer wins.
    [InlineData("permessage-deflate; client_no_context_takeover; server_max_window_bits=8, permessage-deflate; client_no_context_takeover, permessage-deflate",
        "permessage-deflate; server_no_context_takeover; client_no_context_takeover; server_max_window_bits=8", true, true, 8, 15)]
    [InlineData("permessage-deflate; foo, permessage-deflate; server_max_window_bits=12",
        "permessage-deflate; server_no_context_takeover; server_max_window_bits=12", true, false, 12, 15)]
    public void TryAccept_answers_the_first_acceptable_offer(string offer, string response, bool serverNoContext, bool clientNoContext, int serverBits, int clientBits)
    {
        Assert.True(PerMessageDeflateNegotiator.TryAccept(Parse(offer), new PerMessageDeflateOptions(), out var parameters, out var header));
        Assert.Equal(response, header);
        Assert.Equal(new PerMessageDeflateParameters(serverNoContext, clientNoContext, serverBits, clientBits), parameters);
    }

    [Theory]
    [InlineData("x-webkit-deflate-frame")]
    [InlineData("permessage-deflate; foo")]
    [InlineData("permessage-deflate; server_no_context_takeover; server_no_context_takeover")]
    [InlineData("permessage-deflate; server_no_context_takeover=1")]
    [InlineData("permessage-deflate; client_no_context_takeover=true")]
    [InlineData("permessage-deflate; server_max_window_bits")]
    [InlineData("permessage-deflate; server_max_window_bits=7")]
    [InlineData("permessage-deflate; server_max_window_bits=16")]
    [InlineData("permessage-deflate; server_max_window_bits=08")]
    [InlineData("permessage-deflate; server_max_window_bits=ten")]
    [InlineData("permessage-deflate; client_max_window_bits=16")]
    [InlineData("permessage-deflate; client_max_window_bits; client_max_window_bits=9")]
    public void TryAccept_declines_offers_that_RFC_7692_section_5_says_to_decline(string offer)
    {
        Assert.False(PerMessageDeflateNegotiator.TryAccept(Parse(offer), new PerMessageDeflateOptions(), out _, out var header));
        Assert.Null(header);
    }

    [Fact]
    public void TryAccept_applies_the_servers_own_limits()
    {
        var options = new PerMessageDeflateOptions { ServerNoContextTakeover = false, ServerMaxWindowBits = 11, ClientMaxWindowBits = 12, ClientNoContextTakeover = true };
        Assert.True(PerMessageDeflateNegotiator.TryAccept(Parse("permessage-deflate; server_max_window_bits=13; client_max_window_bits"), options, out var parameters, out var header));
        Assert.Equal("permessage-deflate; client_no_context_takeover; server_max_window_bits=11; client_max_window_bits=12", header);
        Assert.Equal(new PerMessageDeflateParameters(false, true, 11, 12), parameters);

        // Without client_max_window_bits in the offer the server may not send it (§7.1.2.2).
        Assert.True(PerMessageDeflateNegotiator.TryAccept(Parse("permessage-deflate"), options, out parameters, out header));
        Assert.Equal("permessage-deflate; client_no_context_takeover", header);
        Assert.Equal(new PerMessageDeflateParameters(false, true, 11, 15), parameters);
    }

    [Fact]
    public void CreateOffer_describes_the_clients_options()
    {
        Assert.Equal("permessage-deflate; client_max_window_bits; server_no_context_takeover", PerMessageDeflateNegotiator.CreateOffer(new PerMessageDeflateOptions()));
        Assert.Equal("permessage-deflate; client_max_window_bits=9; server_max_window_bits=10; client_no_context_takeover",
            PerMessageDeflateNegotiator.CreateOffer(new PerMessageDeflateOptions
            {
                ClientMaxWindowBits = 9, ServerMaxWindowBits = 10, ServerNoContextTakeover = false, ClientNoContextTakeover = true,
            }));
    }

    [Theory]
    [InlineData("permessage-deflate", false, false, 15, 15)]
    [InlineData("permessage-deflate; server_no_context_takeover", true, false, 15, 15)]
    [InlineData("permessage-deflate; client_no_context_takeover; client_max_window_bits=9", false, true, 15, 9)]
    [InlineData("permessage-deflate; server_max_window_bits=12", false, false, 12, 15)]
    public void TryAcceptResponse_accepts_what_the_offer_allows(string response, bool serverNoContext, bool clientNoContext, int serverBits, int clientBits)
    {
        Assert.True(PerMessageDeflateNegotiator.TryAcceptResponse(Parse(response), new PerMessageDeflateOptions { ServerNoContextTakeover = false }, out var parameters));
        Assert.Equal(new PerMessageDeflateParameters(serverNoContext, clientNoContext, serverBits, clientBits), parameters);
    }

    [Theory]
    [InlineData("permessage-deflate; foo")]
    [InlineData("permessage-deflate; client_max_window_bits")]
    [InlineData("permessage-deflate; server_max_window_bits=13")]
    [InlineData("permessage-deflate, permessage-deflate")]
    [InlineData("x-other")]
    public void TryAcceptResponse_rejects_answers_the_client_did_not_ask_for(string response)
    {
        var options = new PerMessageDeflateOptions { ServerMaxWindowBits = 12 };
        Assert.False(PerMessageDeflateNegotiator.TryAcceptResponse(Parse(response), options, out _));
    }
}
