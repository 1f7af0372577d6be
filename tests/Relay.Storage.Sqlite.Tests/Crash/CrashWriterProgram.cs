using System.Globalization;
using Relay.Nostr.Crypto;
using Relay.Nostr.Events;
using Relay.Storage.Sqlite.Tests.Support;

namespace Relay.Storage.Sqlite.Tests.Crash;

/// <summary>
/// Entry point of the child process of <see cref="CrashTests"/>: <c>crash-writer &lt;dir&gt; &lt;Normal|Full&gt;</c>
/// writes batch after batch and prints <c>commit N</c> after each <c>WriteBatch</c> returns, until killed.
/// The events of batch N are a pure function of N, so the parent can rebuild them.
/// </summary>
public static class CrashWriterProgram
{
    public const int EventsPerBatch = 200;

    /// <summary>Batches at most, so a child the parent failed to kill still ends (about 20 s of writing).</summary>
    public const int MaxBatches = 2000;

    private static readonly SecretKey Author = SecretKey.FromHex("1f2e3d4c5b6a79880f1e2d3c4b5a69788f9eadbccbdaeff00112233445566778");

    public static int Main(string[] args)
    {
        if (args.Length != 3 || args[0] != "crash-writer")
        {
            Console.Error.WriteLine("usage: crash-writer <data directory> <Normal|Full>");
            return 2;
        }

        var options = new EventStoreOptions { DataDirectory = args[1], Synchronous = Enum.Parse<SynchronousMode>(args[2]) };
        using var store = EventStore.Open(options);
        using var writer = store.OpenWriter();
        Console.Out.WriteLine("ready");
        for (var batch = 0; batch < MaxBatches; batch++)
        {
            writer.WriteBatch(Batch(batch));

            // Console.Out flushes every write: once this line is readable, the commit has returned.
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"commit {batch}"));
        }

        return 0;
    }

    public static NostrEvent[] Batch(int batch) =>
        [.. Enumerable.Range(0, EventsPerBatch).Select(i => NostrEvent.Create(
            Author,
            Ev.Now - batch,
            1,
            [new NostrTag("b", batch.ToString(CultureInfo.InvariantCulture)), new NostrTag("t", "crash")],
            string.Create(CultureInfo.InvariantCulture, $"batch {batch} event {i} {new string('x', 300)}"),
            FastSigner.Instance))];
}
