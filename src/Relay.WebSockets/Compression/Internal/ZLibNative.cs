using System.Runtime.InteropServices;

namespace Relay.WebSockets.Compression.Internal;

/// <summary>
/// P/Invoke into the system zlib (<c>libz.so.1</c>, present on every Debian). .NET's DeflateStream cannot choose
/// the LZ77 window size that RFC 7692's window-bits parameters negotiate, zlib can (negative windowBits = raw
/// DEFLATE, no zlib header, RFC 7692 §7).
/// </summary>
/// <remarks>The <see cref="ZStream"/> layout is zlib's <c>z_stream</c> on LP64 platforms (uLong is 64-bit).</remarks>
internal static unsafe partial class ZLibNative
{
    private const string Library = "libz.so.1";

    public const int Ok = 0;
    public const int StreamEnd = 1;
    public const int NeedDictionary = 2;
    public const int BufferError = -5;

    public const int NoFlush = 0;
    public const int SyncFlush = 2;

    public const int Deflated = 8;
    public const int DefaultStrategy = 0;
    /// <summary>Z_RLE: matches at distance 1 only, valid for any window size (used for an 8-bit window).</summary>
    public const int RleStrategy = 3;

    private static readonly Lazy<bool> s_available = new(() => NativeLibrary.TryLoad(Library, out _));

    /// <summary>Whether the library can be loaded; permessage-deflate is not negotiated otherwise.</summary>
    public static bool IsAvailable => s_available.Value;

    [StructLayout(LayoutKind.Sequential)]
    public struct ZStream
    {
        public byte* NextIn;
        public uint AvailIn;
        public nuint TotalIn;
        public byte* NextOut;
        public uint AvailOut;
        public nuint TotalOut;
        public byte* Message;
        public void* State;
        public void* ZAlloc;
        public void* ZFree;
        public void* Opaque;
        public int DataType;
        public nuint Adler;
        public nuint Reserved;
    }

    [LibraryImport(Library, EntryPoint = "zlibVersion")]
    public static partial byte* Version();

    [LibraryImport(Library, EntryPoint = "deflateInit2_")]
    public static partial int DeflateInit2(ZStream* stream, int level, int method, int windowBits, int memLevel,
        int strategy, byte* version, int streamSize);

    [LibraryImport(Library, EntryPoint = "deflate")]
    public static partial int Deflate(ZStream* stream, int flush);

    [LibraryImport(Library, EntryPoint = "deflateReset")]
    public static partial int DeflateReset(ZStream* stream);

    [LibraryImport(Library, EntryPoint = "deflateEnd")]
    public static partial int DeflateEnd(ZStream* stream);

    [LibraryImport(Library, EntryPoint = "inflateInit2_")]
    public static partial int InflateInit2(ZStream* stream, int windowBits, byte* version, int streamSize);

    [LibraryImport(Library, EntryPoint = "inflate")]
    public static partial int Inflate(ZStream* stream, int flush);

    [LibraryImport(Library, EntryPoint = "inflateReset")]
    public static partial int InflateReset(ZStream* stream);

    [LibraryImport(Library, EntryPoint = "inflateEnd")]
    public static partial int InflateEnd(ZStream* stream);

    [LibraryImport(Library, EntryPoint = "inflateGetDictionary")]
    public static partial int InflateGetDictionary(ZStream* stream, byte* dictionary, uint* length);

    [LibraryImport(Library, EntryPoint = "inflateSetDictionary")]
    public static partial int InflateSetDictionary(ZStream* stream, byte* dictionary, uint length);
}
