using System.Diagnostics;
using System.Globalization;
using System.Text;
using Relay.Nostr.Crypto;
using Relay.Nostr.Events;

namespace Relay.Benchmarks.Import;

/// <summary>
/// Writes a JSONL file of really signed events (BIP-340 with libsecp256k1) for the <c>relay import</c> benchmark:
/// <code>dotnet run -c Release --project tests/Relay.Benchmarks -- generate-signed-events --count 1000000 --out /tmp/events.jsonl</code>
/// 2,000 authors; one year of history in time order ending an hour ago; 70% notes (some with <c>e</c>/<c>p</c>/<c>t</c>
/// tags), 20% reactions, 5% profiles (replaceable: later ones replace earlier), 5% long-form articles (addressable,
/// 10 addresses per author). Signing runs on every core, in chunks written in order. About 450 bytes per line.
/// </summary>
internal static class SignedEventFile
{
    private const int Authors = 2000;
    private const int Chunk = 10_000;

    public static int Run(string[] args)
    {
        var count = 1_000_000;
        var output = "events.jsonl";
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--count": count = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--out": output = args[i + 1]; break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }

        var backend = SchnorrBackends.Native ?? throw new InvalidOperationException("libsecp256k1 is required: apt-get install libsecp256k1-1");
        var keys = Enumerable.Range(0, Authors).Select(_ => SecretKey.Generate(backend)).ToArray();
        var end = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 3600;
        const long span = 365L * 86400;
        var watch = Stopwatch.StartNew();
        using var file = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        var lines = new byte[Chunk][];
        for (var start = 0; start < count; start += Chunk)
        {
            var n = Math.Min(Chunk, count - start);
            Parallel.For(0, n, j =>
            {
                var index = start + j;
                var random = new Random(index);
                var createdAt = end - span + (long)(index * (double)span / count);
                lines[j] = Create(keys, random, createdAt, backend).Json.ToArray();
            });
            for (var j = 0; j < n; j++)
            {
                file.Write(lines[j]);
                file.WriteByte((byte)'\n');
            }
        }

        Console.Error.WriteLine($"{count:N0} signed events written to {output} in {watch.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    private static NostrEvent Create(SecretKey[] keys, Random random, long createdAt, ISchnorrBackend backend)
    {
        var author = random.Next(Authors);
        var roll = random.NextDouble();
        var tags = new List<NostrTag>();
        int kind;
        string content;
        if (roll < 0.70)
        {
            kind = 1;
            if (random.NextDouble() < 0.3)
            {
                tags.Add(new NostrTag("e", Hex(random), "", "reply"));
                tags.Add(new NostrTag("p", Hex(random)));
            }

            if (random.NextDouble() < 0.25)
            {
                tags.Add(new NostrTag("t", "tag" + random.Next(300).ToString(CultureInfo.InvariantCulture)));
            }

            content = Text(random, 40 + random.Next(240));
        }
        else if (roll < 0.90)
        {
            kind = 7;
            tags.Add(new NostrTag("e", Hex(random)));
            tags.Add(new NostrTag("p", Hex(random)));
            content = "+";
        }
        else if (roll < 0.95)
        {
            kind = 0;
            content = "{\"name\":\"author" + author.ToString(CultureInfo.InvariantCulture) + "\",\"about\":\"" + Text(random, 100) + "\"}";
        }
        else
        {
            kind = 30023;
            tags.Add(new NostrTag("d", "article" + random.Next(10).ToString(CultureInfo.InvariantCulture)));
            content = Text(random, 1200);
        }

        return NostrEvent.Create(keys[author], createdAt, kind, tags, content, backend);
    }

    private static string Hex(Random random)
    {
        Span<byte> bytes = stackalloc byte[32];
        random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    private static string Text(Random random, int length)
    {
        const string Words = "the relay stores every event it accepts and serves them newest first to anyone who asks ";
        var text = new StringBuilder(length);
        while (text.Length < length)
        {
            var start = random.Next(Words.Length - 10);
            text.Append(Words, start, 10);
        }

        return text.ToString(0, length);
    }
}
