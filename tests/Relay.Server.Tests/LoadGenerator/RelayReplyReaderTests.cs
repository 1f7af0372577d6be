using System.Text;
using Relay.LoadGenerator.Nostr;

namespace Relay.Server.Tests.LoadGenerator;

public sealed class RelayReplyReaderTests
{
    private const string Id = "5c83da77af1dec6d7289834998ad7aafbd9e2191396d75ec3cc27f5a77226f36";

    [Fact]
    public void TryRead_takes_the_event_id_from_a_delivery_whatever_the_member_order()
    {
        var payload = Encoding.UTF8.GetBytes($"[\"EVENT\",\"s1\",{{\"kind\":1,\"tags\":[[\"t\",\"x\"]],\"content\":\"hi\",\"id\":\"{Id}\"}}]");

        Assert.True(RelayReplyReader.TryRead(payload, out var reply));
        Assert.Equal(RelayVerb.Event, reply.Verb);
        Assert.Equal("s1", Encoding.UTF8.GetString(reply.SubscriptionId));
        Assert.Equal(Id, Encoding.UTF8.GetString(reply.EventId));
    }

    [Theory]
    [InlineData($"[\"OK\",\"{Id}\",true,\"\"]", true, "")]
    [InlineData($"[\"OK\",\"{Id}\",true,\"duplicate: have it\"]", true, "duplicate: have it")]
    [InlineData($"[\"OK\",\"{Id}\",false,\"invalid: bad \\\"sig\\\"\"]", false, "invalid: bad \"sig\"")]
    public void TryRead_reads_OK_flag_and_unescaped_message(string json, bool accepted, string message)
    {
        Assert.True(RelayReplyReader.TryRead(Encoding.UTF8.GetBytes(json), out var reply));
        Assert.Equal(RelayVerb.Ok, reply.Verb);
        Assert.Equal(Id, Encoding.UTF8.GetString(reply.EventId));
        Assert.Equal(accepted, reply.Accepted);
        Assert.Equal(message, reply.Message);
    }

    [Theory]
    [InlineData("[\"EOSE\",\"q7\"]", "Eose", "q7", "")]
    [InlineData("[\"CLOSED\",\"q7\",\"rate-limited: slow down\"]", "Closed", "q7", "rate-limited: slow down")]
    [InlineData("[\"NOTICE\",\"hello\"]", "Notice", "", "hello")]
    public void TryRead_reads_subscription_answers_and_notices(string json, string verb, string subscriptionId, string message)
    {
        Assert.True(RelayReplyReader.TryRead(Encoding.UTF8.GetBytes(json), out var reply));
        Assert.Equal(Enum.Parse<RelayVerb>(verb), reply.Verb);
        Assert.Equal(subscriptionId, Encoding.UTF8.GetString(reply.SubscriptionId));
        Assert.Equal(message, reply.Message);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"OK\":1}")]
    [InlineData("[\"PONG\"]")]
    [InlineData("[\"OK\",\"abc\",\"yes\",\"\"]")]
    [InlineData("[\"EVENT\",\"s1\",{\"kind\":1}]")]
    [InlineData("[\"EOSE\",")]
    public void TryRead_refuses_what_is_not_a_relay_message(string json)
    {
        Assert.False(RelayReplyReader.TryRead(Encoding.UTF8.GetBytes(json), out _));
    }
}
