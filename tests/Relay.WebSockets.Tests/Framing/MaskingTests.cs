using Relay.WebSockets.Framing;

namespace Relay.WebSockets.Tests.Framing;

public class MaskingTests
{
    private static readonly byte[] Key = [0x37, 0xFA, 0x21, 0x3D];
    private static readonly uint KeyValue = BitConverter.ToUInt32(Key);

    /// <summary>The definition in RFC 6455 §5.3: transformed-octet-i = original-octet-i XOR masking-key-octet-(i MOD 4).</summary>
    private static byte[] ScalarReference(byte[] data, int offset)
    {
        var result = (byte[])data.Clone();
        for (var i = 0; i < result.Length; i++)
            result[i] ^= Key[(offset + i) % 4];
        return result;
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public void Apply_matches_the_scalar_reference_for_every_length_0_to_256_every_mask_offset_and_alignment()
    {
        for (var length = 0; length <= 256; length++)
        {
            for (var offset = 0; offset < 4; offset++)
            {
                // Misaligned starts exercise the unaligned vector loads.
                foreach (var start in new[] { 0, 1, 3, 7 })
                {
                    var buffer = RandomBytes(start + length + 5, length * 31 + offset);
                    var data = buffer[start..(start + length)];
                    var expected = ScalarReference(data, offset);
                    var next = Masking.Apply(buffer.AsSpan(start, length), KeyValue, offset);
                    Assert.Equal(expected, buffer[start..(start + length)]);
                    Assert.Equal((offset + length) % 4, next);
                }
            }
        }
    }

    [Fact]
    public void ApplyTo_matches_the_scalar_reference_for_every_length_0_to_256_and_every_mask_offset()
    {
        for (var length = 0; length <= 256; length++)
        {
            for (var offset = 0; offset < 4; offset++)
            {
                var source = RandomBytes(length, length + 1000 * offset);
                var destination = new byte[length + 3];
                var next = Masking.ApplyTo(source, destination.AsSpan(3), KeyValue, offset);
                Assert.Equal(ScalarReference(source, offset), destination[3..]);
                Assert.Equal(new byte[3], destination[..3]);
                Assert.Equal((offset + length) % 4, next);
            }
        }
    }

    [Fact]
    public void Apply_in_pieces_equals_apply_at_once_for_every_split()
    {
        var data = RandomBytes(256, 7);
        var whole = ScalarReference(data, 0);
        for (var split = 0; split <= data.Length; split++)
        {
            var copy = (byte[])data.Clone();
            var offset = Masking.Apply(copy.AsSpan(0, split), KeyValue, 0);
            Masking.Apply(copy.AsSpan(split), KeyValue, offset);
            Assert.Equal(whole, copy);
        }
    }

    [Fact]
    public void Apply_twice_restores_the_payload()
    {
        var data = RandomBytes(100_003, 1);
        var copy = (byte[])data.Clone();
        Masking.Apply(copy, KeyValue, 2);
        Assert.NotEqual(data, copy);
        Masking.Apply(copy, KeyValue, 2);
        Assert.Equal(data, copy);
    }

    [Fact]
    public void Apply_unmasks_the_RFC_6455_section_5_7_example()
    {
        byte[] masked = [0x7F, 0x9F, 0x4D, 0x51, 0x58];
        Masking.Apply(masked, KeyValue, 0);
        Assert.Equal("Hello"u8.ToArray(), masked);
    }
}
