using Relay.Nostr.Crypto;
using Relay.Nostr.Crypto.Internal;
using Relay.Nostr.Events;
using Relay.Nostr.Tests.Support;

namespace Relay.Nostr.Tests.Crypto;

public class SchnorrSelectionTests
{
    [Fact]
    public void Auto_selects_libsecp256k1_when_it_is_installed()
    {
        var selection = SchnorrBackends.Select(SchnorrPreference.Auto);
        Assert.Equal(SchnorrBackendKind.Native, selection.Backend.Kind);
        Assert.Null(selection.Warning);
        Assert.Contains("libsecp256k1", selection.Backend.Description, StringComparison.Ordinal);
        Assert.Same(NativeBackend.Required, SchnorrBackends.Default);
    }

    [Fact]
    public void Managed_preference_forces_the_managed_path_which_then_accepts_and_refuses_events()
    {
        var selection = SchnorrBackends.Select(SchnorrPreference.Managed);
        Assert.Equal(SchnorrBackendKind.Managed, selection.Backend.Kind);
        Assert.Null(selection.Warning);

        var e = TestEvents.Note("verified by the managed path", key: TestEvents.Bob);
        Assert.True(EventValidator.TryVerifySignature(e, selection.Backend, out _));
        var forged = TestEvents.Replace(e, e.Sig.ToString()[..8], "00000000");
        Assert.True(NostrEvent.TryParse(TestEvents.Utf8(forged), NostrLimits.Default, out var parsed, out _));
        Assert.False(EventValidator.TryVerifySignature(parsed, selection.Backend, out var error));
        Assert.Equal("invalid: signature does not verify", error.Message);
    }

    [Fact]
    public void A_missing_library_falls_back_to_managed_with_a_warning_naming_the_Debian_package()
    {
        var native = NativeSchnorrBackend.TryCreate(["libdoes-not-exist.so.9"], out var failure);
        Assert.Null(native);
        Assert.Equal("libdoes-not-exist.so.9: not found", failure);

        var selection = SchnorrBackends.Select(SchnorrPreference.Auto, native, failure);
        Assert.Equal(SchnorrBackendKind.Managed, selection.Backend.Kind);
        Assert.Contains("libsecp256k1-1", selection.Warning, StringComparison.Ordinal);
        Assert.Contains("libdoes-not-exist.so.9: not found", selection.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_library_without_the_schnorrsig_module_is_not_used()
    {
        // libz is present (brief: zlib) and certainly lacks secp256k1 symbols.
        var native = NativeSchnorrBackend.TryCreate(["libz.so.1"], out var failure);
        Assert.Null(native);
        Assert.StartsWith("libz.so.1: no secp256k1_schnorrsig_sign32", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Secret_keys_do_not_print_and_round_trip_through_hex()
    {
        var key = SecretKey.Generate();
        Assert.Equal("SecretKey(…)", key.ToString());
        var again = SecretKey.FromHex(key.ToHex());
        Assert.Equal(key.GetPublicKey(), again.GetPublicKey(SchnorrBackends.Managed));
        Assert.Throws<ArgumentException>(() => SecretKey.FromBytes(new byte[32]));
    }
}
