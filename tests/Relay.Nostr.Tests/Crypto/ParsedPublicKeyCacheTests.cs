using System.Security.Cryptography;
using Relay.Nostr.Crypto;
using Relay.Nostr.Crypto.Internal;
using Relay.Nostr.Events;
using Relay.Nostr.Tests.Support;

namespace Relay.Nostr.Tests.Crypto;

public class ParsedPublicKeyCacheTests
{
    [Fact]
    public void A_colliding_key_replaces_the_older_entry_and_never_returns_the_wrong_one()
    {
        var cache = new ParsedPublicKeyCache();
        var (a, b) = FindCollision();
        cache.Add(a, [1]);
        Assert.Equal([1], cache.TryGet(a));
        Assert.Null(cache.TryGet(b));
        cache.Add(b, [2]);
        Assert.Equal([2], cache.TryGet(b));
        Assert.Null(cache.TryGet(a));
    }

    [Fact]
    public void Repeated_verifications_by_the_same_authors_give_the_same_answers_as_the_managed_implementation()
    {
        var native = NativeBackend.Required;
        var authors = Enumerable.Range(0, 4).Select(_ => SecretKey.Generate()).ToArray();
        for (var round = 0; round < 3; round++)
        {
            foreach (var author in authors)
            {
                var e = TestEvents.Note($"round {round}", key: author);
                Assert.True(e.VerifySignature(native));
                var sig = e.Sig.ToArray();
                sig[RandomNumberGenerator.GetInt32(64)] ^= 0x10;
                var id = e.Id.ToArray();
                var pubKey = e.PubKey.ToArray();
                Assert.False(native.Verify(sig, id, pubKey));
                Assert.Equal(SchnorrBackends.Managed.Verify(sig, id, pubKey), native.Verify(sig, id, pubKey));
            }
        }

        // A key that is not on the curve is never cached as valid.
        var offCurve = Convert.FromHexString("EEFDEA4CDB677750A420FEE807EACF21EB9898AE79B9768766E4FAA04A2D4A34");
        Assert.False(native.Verify(new byte[64], new byte[32], offCurve));
        Assert.False(native.Verify(new byte[64], new byte[32], offCurve));
    }

    private static (PublicKey, PublicKey) FindCollision()
    {
        var seen = new Dictionary<int, PublicKey>();
        for (var attempt = 0; attempt < 100_000; attempt++)
        {
            var key = new PublicKey(RandomNumberGenerator.GetBytes(32));
            var slot = key.GetHashCode() & (ParsedPublicKeyCache.Slots - 1);
            if (seen.TryGetValue(slot, out var other) && other != key)
            {
                return (other, key);
            }

            seen[slot] = key;
        }

        throw new InvalidOperationException("No slot collision among 100,000 random keys.");
    }
}
