using Relay.Nostr.Crypto;
using Relay.Nostr.Tests.Support;

namespace Relay.Nostr.Tests.Crypto;

/// <summary>The official BIP-340 test vectors (see TestData/README.md for their source) on both implementations.</summary>
public class Bip340VectorTests
{
    public static TheoryData<string, int> Cases() => Build(Bip340Vector.All);

    public static TheoryData<string, int> SigningCases() => Build(Bip340Vector.All.Where(v => v.SecretKey is not null));

    [Fact]
    public void The_vector_file_holds_all_19_official_vectors()
    {
        Assert.Equal(Enumerable.Range(0, 19), Bip340Vector.All.Select(v => v.Index));
        Assert.Equal(10, Bip340Vector.All.Count(v => !v.Expected));
        Assert.Equal(8, Bip340Vector.All.Count(v => v.SecretKey is not null));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Verify_gives_the_published_result(string backendName, int index)
    {
        var vector = Bip340Vector.All[index];
        Assert.Equal(vector.Expected, Backend(backendName).Verify(vector.Signature, vector.Message, vector.PublicKey));
    }

    [Theory]
    [MemberData(nameof(SigningCases))]
    public void Sign_reproduces_the_published_signature_and_public_key(string backendName, int index)
    {
        var vector = Bip340Vector.All[index];
        var backend = Backend(backendName);
        var publicKey = new byte[32];
        Assert.True(backend.TryGetPublicKey(vector.SecretKey!, publicKey));
        Assert.Equal(vector.PublicKey, publicKey);

        var signature = new byte[64];
        Assert.True(backend.TrySign(vector.SecretKey!, vector.Message, vector.AuxRand!, signature));
        Assert.Equal(Convert.ToHexString(vector.Signature), Convert.ToHexString(signature));
    }

    [Theory]
    [InlineData("native")]
    [InlineData("managed")]
    public void Secret_keys_out_of_range_are_refused(string backendName)
    {
        var backend = Backend(backendName);
        var zero = new byte[32];
        var order = Convert.FromHexString("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141");
        var output = new byte[64];
        Assert.False(backend.TryGetPublicKey(zero, output));
        Assert.False(backend.TryGetPublicKey(order, output));
        Assert.False(backend.TrySign(order, new byte[32], new byte[32], output));
        Assert.False(backend.Verify(new byte[63], new byte[32], new byte[32]));
    }

    private static TheoryData<string, int> Build(IEnumerable<Bip340Vector> vectors)
    {
        var data = new TheoryData<string, int>();
        foreach (var backend in new[] { "native", "managed" })
        {
            foreach (var vector in vectors)
            {
                data.Add(backend, vector.Index);
            }
        }

        return data;
    }

    internal static ISchnorrBackend Backend(string name) => name == "native" ? NativeBackend.Required : SchnorrBackends.Managed;
}
