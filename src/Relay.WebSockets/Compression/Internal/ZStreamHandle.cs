using System.Runtime.InteropServices;
using static Relay.WebSockets.Compression.Internal.ZLibNative;

namespace Relay.WebSockets.Compression.Internal;

/// <summary>
/// A zlib <c>z_stream</c> in native memory (zlib keeps a pointer to it, so it must not move), released through
/// deflateEnd/inflateEnd even if the owner forgets to dispose.
/// </summary>
internal abstract unsafe class ZStreamHandle : SafeHandle
{
    protected ZStreamHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected ZStream* Stream => (ZStream*)handle;

    /// <summary>Allocates the stream and runs zlib's init on it. Failure means bad parameters (our bug) or no memory.</summary>
    protected void Initialize(Func<IntPtr, int> init, string description)
    {
        var stream = (ZStream*)NativeMemory.AllocZeroed((nuint)sizeof(ZStream));
        var rc = init((IntPtr)stream);
        if (rc != Ok)
        {
            NativeMemory.Free(stream);
            throw new InvalidOperationException($"zlib init failed with {rc} ({description}).");
        }

        SetHandle((IntPtr)stream);
    }

    /// <summary>One deflate/inflate call over the given buffers.</summary>
    protected int Run(delegate*<ZStream*, int, int> operation, int flush, ReadOnlySpan<byte> input, Span<byte> output,
        out int consumed, out int produced)
    {
        fixed (byte* inputPointer = input)
        fixed (byte* outputPointer = output)
        {
            var stream = Stream;
            stream->NextIn = inputPointer;
            stream->AvailIn = (uint)input.Length;
            stream->NextOut = outputPointer;
            stream->AvailOut = (uint)output.Length;
            var rc = operation(stream, flush);
            consumed = input.Length - (int)stream->AvailIn;
            produced = output.Length - (int)stream->AvailOut;
            stream->NextIn = null;
            stream->NextOut = null;
            return rc;
        }
    }

    /// <summary>deflateEnd or inflateEnd.</summary>
    protected abstract void End(ZStream* stream);

    protected override bool ReleaseHandle()
    {
        End((ZStream*)handle);
        NativeMemory.Free((void*)handle);
        return true;
    }
}
