using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace Relay.WebSockets.Handshake;

/// <summary>Opening-handshake primitives shared by server and client (RFC 6455 §1.3, §4).</summary>
public static class WebSocketHandshake
{
    /// <summary>The GUID appended to the key before hashing (§1.3).</summary>
    public const string KeyGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /// <summary>The only protocol version we speak (§4.1, §11.6).</summary>
    public const string SupportedVersion = "13";

    private const int KeyLength = 24;   // base64 of 16 bytes, with "==" padding
    private const int KeyBytes = 16;

    /// <summary>Sec-WebSocket-Accept for a key: base64(SHA-1(key + GUID)) (§4.2.2 item 5.4).</summary>
    public static string ComputeAcceptKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> input = stackalloc byte[128];
        var length = Encoding.ASCII.GetBytes(key, input);
        length += Encoding.ASCII.GetBytes(KeyGuid, input[length..]);
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
#pragma warning disable CA5350 // RFC 6455 mandates SHA-1 here; it proves the server read the key, not secrecy.
        SHA1.HashData(input[..length], hash);
#pragma warning restore CA5350
        return Convert.ToBase64String(hash);
    }

    /// <summary>Whether a Sec-WebSocket-Key base64-decodes to exactly 16 bytes (§4.1 item 7, §4.2.1 item 5).</summary>
    public static bool IsValidKey(string? key)
    {
        // Exactly 24 characters rules out embedded whitespace (which Convert would skip) and other lengths.
        if (key is null || key.Length != KeyLength)
            return false;
        Span<byte> decoded = stackalloc byte[KeyBytes + 2];
        return Convert.TryFromBase64String(key, decoded, out var written) && written == KeyBytes;
    }

    /// <summary>A fresh random key for a client request (§4.1 item 7: randomly selected 16 bytes).</summary>
    public static string CreateClientKey()
    {
        Span<byte> nonce = stackalloc byte[KeyBytes];
        RandomNumberGenerator.Fill(nonce);
        return Convert.ToBase64String(nonce);
    }

    /// <summary>Whether a comma-separated header (possibly several lines) contains <paramref name="token"/>, case-insensitively (RFC 9110 §5.6.1).</summary>
    public static bool HeaderContainsToken(StringValues values, string token)
    {
        foreach (var value in values)
        {
            if (value is null)
                continue;
            foreach (var range in value.AsSpan().Split(','))
            {
                if (value.AsSpan()[range].Trim(" \t").Equals(token, StringComparison.OrdinalIgnoreCase))
                    return true;
            }
        }

        return false;
    }
}
