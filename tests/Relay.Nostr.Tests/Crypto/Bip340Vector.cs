namespace Relay.Nostr.Tests.Crypto;

/// <summary>One row of bip340-test-vectors.csv.</summary>
internal sealed record Bip340Vector(
    int Index, byte[]? SecretKey, byte[] PublicKey, byte[]? AuxRand, byte[] Message, byte[] Signature, bool Expected, string Comment)
{
    public static IReadOnlyList<Bip340Vector> All { get; } = Load();

    private static List<Bip340Vector> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Crypto", "TestData", "bip340-test-vectors.csv");
        return File.ReadAllLines(path)
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(',', 8))
            .Select(f => new Bip340Vector(
                int.Parse(f[0]),
                f[1].Length == 0 ? null : Convert.FromHexString(f[1]),
                Convert.FromHexString(f[2]),
                f[3].Length == 0 ? null : Convert.FromHexString(f[3]),
                Convert.FromHexString(f[4]),
                Convert.FromHexString(f[5]),
                f[6] == "TRUE",
                f[7]))
            .ToList();
    }
}
