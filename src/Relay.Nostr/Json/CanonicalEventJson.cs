using System.Buffers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Relay.Nostr.Events;

namespace Relay.Nostr.Json;

/// <summary>
/// The one normal form in which the relay stores and sends events, and the NIP-01 id preimage.
/// <code>
/// stored:   {"id":"&lt;64 hex&gt;","pubkey":"&lt;64 hex&gt;","created_at":N,"kind":K,"tags":T,"content":C,"sig":"&lt;128 hex&gt;"}
/// preimage: [0,"&lt;pubkey&gt;",N,K,T,C]
/// </code>
/// <c>T</c> and <c>C</c> are the same bytes in both (NIP-01 escaping, no whitespace), so a client that
/// recomputes the id from what we send always gets the id we send.
/// </summary>
internal static class CanonicalEventJson
{
    private static ReadOnlySpan<byte> IdPrefix => "{\"id\":\""u8;
    private static ReadOnlySpan<byte> PubKeyPrefix => "\",\"pubkey\":\""u8;
    private static ReadOnlySpan<byte> CreatedAtPrefix => "\",\"created_at\":"u8;
    private static ReadOnlySpan<byte> KindPrefix => ",\"kind\":"u8;
    private static ReadOnlySpan<byte> TagsPrefix => ",\"tags\":"u8;
    private static ReadOnlySpan<byte> ContentPrefix => ",\"content\":"u8;
    private static ReadOnlySpan<byte> SigPrefix => ",\"sig\":\""u8;
    private static ReadOnlySpan<byte> Suffix => "\"}"u8;
    private static ReadOnlySpan<byte> PreimagePrefix => "[0,\""u8;

    /// <summary>Preimages up to this size are built on the stack; a typical kind-1 event needs ~300 bytes.</summary>
    private const int StackPreimageLimit = 1024;

    /// <summary>
    /// One SHA-256 context per thread, reset after every use. <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/>
    /// creates and frees an OpenSSL digest context per call (malloc, memset, free: about a fifth of the cost of
    /// hashing a typical event, measured with perf); reusing one avoids that. Lives as long as its thread.
    /// </summary>
    [ThreadStatic]
    private static IncrementalHash? t_sha256;

    private static readonly int FixedLength =
        IdPrefix.Length + EventId.HexLength + PubKeyPrefix.Length + PublicKey.HexLength + CreatedAtPrefix.Length
        + KindPrefix.Length + TagsPrefix.Length + ContentPrefix.Length + SigPrefix.Length + Signature.HexLength + Suffix.Length;

    /// <summary>Exact length of the stored form.</summary>
    /// <param name="createdAt">Non-negative timestamp.</param>
    /// <param name="kind">Kind 0–65535.</param>
    /// <param name="tagsJsonLength">Length of the tags array JSON, brackets included.</param>
    /// <param name="contentJsonLength">Length of the content JSON string, quotes included.</param>
    public static int GetLength(long createdAt, int kind, int tagsJsonLength, int contentJsonLength) =>
        FixedLength + JsonIntegers.CountDigits(createdAt) + JsonIntegers.CountDigits(kind) + tagsJsonLength + contentJsonLength;

    /// <summary>Writes the stored form; <paramref name="destination"/> is exactly <see cref="GetLength"/> bytes.</summary>
    public static void Write(
        Span<byte> destination, EventId id, PublicKey pubKey, long createdAt, int kind,
        ReadOnlySpan<byte> tagsJson, ReadOnlySpan<byte> contentJson, Signature sig)
    {
        var w = 0;
        w += Append(destination, w, IdPrefix);
        id.WriteHex(destination[w..]);
        w += EventId.HexLength;
        w += Append(destination, w, PubKeyPrefix);
        pubKey.WriteHex(destination[w..]);
        w += PublicKey.HexLength;
        w += Append(destination, w, CreatedAtPrefix);
        w += JsonIntegers.Write(createdAt, destination[w..]);
        w += Append(destination, w, KindPrefix);
        w += JsonIntegers.Write(kind, destination[w..]);
        w += Append(destination, w, TagsPrefix);
        w += Append(destination, w, tagsJson);
        w += Append(destination, w, ContentPrefix);
        w += Append(destination, w, contentJson);
        w += Append(destination, w, SigPrefix);
        sig.WriteHex(destination[w..]);
        w += Signature.HexLength;
        Append(destination, w, Suffix);
    }

    /// <summary>
    /// The NIP-01 id: SHA-256 of <c>[0,"&lt;pubkey&gt;",created_at,kind,tags,content]</c>. The preimage is
    /// assembled on the stack (or in a pooled buffer for large events) and hashed in one call, so
    /// computing an id allocates nothing.
    /// </summary>
    [SkipLocalsInit]
    public static EventId ComputeId(PublicKey pubKey, long createdAt, int kind, ReadOnlySpan<byte> tagsJson, ReadOnlySpan<byte> contentJson)
    {
        var length = PreimagePrefix.Length + PublicKey.HexLength + 2 + JsonIntegers.CountDigits(createdAt) + 1
            + JsonIntegers.CountDigits(kind) + 1 + tagsJson.Length + 1 + contentJson.Length + 1;
        byte[]? rented = null;
        var preimage = length <= StackPreimageLimit
            ? stackalloc byte[StackPreimageLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var w = Append(preimage, 0, PreimagePrefix);
            pubKey.WriteHex(preimage[w..]);
            w += PublicKey.HexLength;
            preimage[w++] = (byte)'"';
            preimage[w++] = (byte)',';
            w += JsonIntegers.Write(createdAt, preimage[w..]);
            preimage[w++] = (byte)',';
            w += JsonIntegers.Write(kind, preimage[w..]);
            preimage[w++] = (byte)',';
            w += Append(preimage, w, tagsJson);
            preimage[w++] = (byte)',';
            w += Append(preimage, w, contentJson);
            preimage[w++] = (byte)']';

            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            var sha256 = t_sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            sha256.AppendData(preimage[..w]);
            sha256.TryGetHashAndReset(hash, out _);
            return new EventId(hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static int Append(Span<byte> destination, int offset, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(destination[offset..]);
        return bytes.Length;
    }
}
