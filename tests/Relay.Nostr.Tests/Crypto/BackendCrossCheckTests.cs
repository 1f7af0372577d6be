using System.Security.Cryptography;
using Relay.Nostr.Crypto;
using Relay.Nostr.Events;
using Relay.Nostr.Tests.Support;

namespace Relay.Nostr.Tests.Crypto;

public class BackendCrossCheckTests
{
    /// <summary>Bounded: the managed implementation costs about half a millisecond per operation.</summary>
    private const int Rounds = 40;

    [Fact]
    public void Native_and_managed_agree_on_random_keys_messages_and_tampered_signatures()
    {
        var native = NativeBackend.Required;
        var managed = SchnorrBackends.Managed;
        for (var i = 0; i < Rounds; i++)
        {
            var secret = SecretKey.Generate(native).AsSpan().ToArray();
            var message = RandomNumberGenerator.GetBytes(i % 4 == 0 ? RandomNumberGenerator.GetInt32(0, 100) : 32);
            var aux = RandomNumberGenerator.GetBytes(32);

            var nativeKey = new byte[32];
            var managedKey = new byte[32];
            Assert.True(native.TryGetPublicKey(secret, nativeKey));
            Assert.True(managed.TryGetPublicKey(secret, managedKey));
            Assert.Equal(nativeKey, managedKey);

            // BIP-340 signing is deterministic given aux_rand: both must produce the same bytes.
            var nativeSig = new byte[64];
            var managedSig = new byte[64];
            Assert.True(native.TrySign(secret, message, aux, nativeSig));
            Assert.True(managed.TrySign(secret, message, aux, managedSig));
            Assert.Equal(nativeSig, managedSig);

            Assert.True(native.Verify(managedSig, message, nativeKey));
            Assert.True(managed.Verify(nativeSig, message, managedKey));

            var tampered = (byte[])nativeSig.Clone();
            tampered[RandomNumberGenerator.GetInt32(64)] ^= (byte)(1 << RandomNumberGenerator.GetInt32(8));
            Assert.Equal(native.Verify(tampered, message, nativeKey), managed.Verify(tampered, message, nativeKey));
            Assert.False(native.Verify(tampered, message, nativeKey));

            var randomKey = RandomNumberGenerator.GetBytes(32);
            Assert.Equal(native.Verify(nativeSig, message, randomKey), managed.Verify(nativeSig, message, randomKey));
        }
    }

    [Fact]
    public void Events_signed_by_either_implementation_verify_on_the_other()
    {
        var byNative = NostrEvent.Create(TestEvents.Alice, TestEvents.Now, 1, [], "signed natively", NativeBackend.Required);
        var byManaged = NostrEvent.Create(TestEvents.Alice, TestEvents.Now, 1, [], "signed in C#", SchnorrBackends.Managed);
        Assert.True(byNative.VerifySignature(SchnorrBackends.Managed));
        Assert.True(byManaged.VerifySignature(NativeBackend.Required));
        Assert.Equal(byNative.PubKey, byManaged.PubKey);
    }
}
