using Relay.Nostr.Crypto;
using Relay.Nostr.Events;

namespace Relay.Storage.Sqlite.Tests.Support;

/// <summary>Fixed authors, so failures reproduce.</summary>
internal static class TestKeys
{
    public static readonly SecretKey Alice = SecretKey.FromHex("6b911fd37cdf5c81d4c0adb1ab7fa822ed253ab0ad9aa18d77257c88b29b718e");
    public static readonly SecretKey Bob = SecretKey.FromHex("7f7ff03d123792d6ac594bfa67bf6d0c0ab55b6b1fdb6249303fe861f1ccba9a");
    public static readonly SecretKey Carol = SecretKey.FromHex("3f2a9c0e5b7d41a8c6e2f09b1d4a7c3e5f8b2d6a9c1e4f7a0b3d6c9e2f5a8b1d");

    public static PublicKey PubKey(this SecretKey key) => key.GetPublicKey();
}
