using Relay.Nostr.Events;
using Relay.Nostr.Messages;
using Relay.Nostr.Tests.Support;

namespace Relay.Nostr.Tests.Events;

public class EventValidatorTests
{
    private const long Now = TestEvents.Now;

    [Theory]
    [InlineData(Now + 900, true)]
    [InlineData(Now + 901, false)]
    [InlineData(0, true)]
    public void Created_at_may_be_at_most_the_upper_limit_ahead(long createdAt, bool accepted)
    {
        var e = TestEvents.Note(createdAt: createdAt);
        Assert.Equal(accepted, EventValidator.TryCheckTime(e, Now, NostrLimits.Default, out var error));
        if (!accepted)
        {
            Assert.Equal(ClientErrorReason.CreatedAtOutOfRange, error.Reason);
            Assert.Equal(NostrReplyKind.OkFalse, error.Reply);
            Assert.Equal(e.Id, error.EventId);
            Assert.Equal("invalid: created_at is more than 900 seconds in the future", error.Message);
        }
    }

    [Fact]
    public void A_lower_limit_when_configured_refuses_older_events()
    {
        var limits = NostrLimits.Default with { CreatedAtLowerLimit = 60 };
        Assert.True(EventValidator.TryCheckTime(TestEvents.Note(createdAt: Now - 60), Now, limits, out _));
        Assert.False(EventValidator.TryCheckTime(TestEvents.Note(createdAt: Now - 61), Now, limits, out var error));
        Assert.Equal("invalid: created_at is more than 60 seconds in the past", error.Message);
    }

    [Fact]
    public void Expired_events_are_refused_and_the_clock_can_come_from_a_TimeProvider()
    {
        var e = TestEvents.Note(tags: new NostrTag("expiration", (Now - 1).ToString()));
        Assert.False(EventValidator.TryCheckTime(e, new FixedClock(Now), NostrLimits.Default, out var error, ClientVerb.Auth));
        Assert.Equal(ClientErrorReason.Expired, error.Reason);
        Assert.Equal(ClientVerb.Auth, error.Verb);
        Assert.Equal("invalid: event has expired", error.Message);
        Assert.True(EventValidator.TryCheckTime(e, Now - 2, NostrLimits.Default, out _));
    }

    [Fact]
    public void A_tampered_signature_is_refused_with_OK_false()
    {
        var e = TestEvents.Note();
        var json = TestEvents.Replace(e, e.Sig.ToString(), new string('1', 128));
        Assert.True(NostrEvent.TryParse(TestEvents.Utf8(json), NostrLimits.Default, out var parsed, out _));
        Assert.True(EventValidator.TryVerifySignature(e, NativeBackend.Required, out _));
        Assert.False(EventValidator.TryVerifySignature(parsed, NativeBackend.Required, out var error));
        Assert.Equal(NostrReplyKind.OkFalse, error.Reply);
        Assert.Equal(ClientErrorReason.InvalidSignature, error.Reason);
    }

    [Fact]
    public void Default_limits_are_valid_and_inconsistent_ones_are_refused()
    {
        NostrLimits.Default.Validate();
        Assert.Throws<ArgumentOutOfRangeException>(() => (NostrLimits.Default with { MaxLimit = 10, DefaultLimit = 20 }).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => (NostrLimits.Default with { MaxEventTags = 0 }).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => (NostrLimits.Default with { CreatedAtLowerLimit = -1 }).Validate());
    }

    private sealed class FixedClock(long unixSeconds) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
    }
}
