using Relay.Nostr.Events;

namespace Relay.Server.Tests.Operations;

/// <summary><c>relay export</c> against real SQLite databases in temp directories.</summary>
public class ExportCommandTests
{
    private static string[] ReadLines(string path) => File.ReadAllText(path).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task Export_writes_every_stored_event_as_one_canonical_line_oldest_first()
    {
        using var temp = new TempDataDirectory();
        var events = SignedEvents.Notes(25);
        SignedEvents.Store(temp.StoreOptions, [.. events.Reverse()]);

        var run = await CommandRun.RunAsync("export", "--data", temp.Data, "--output", temp.File("dump.jsonl"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(events.Select(SignedEvents.Line), ReadLines(temp.File("dump.jsonl")));
        Assert.Contains("25 events written", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_keeps_only_events_inside_since_until_kinds_and_authors()
    {
        using var temp = new TempDataDirectory();
        var t = SignedEvents.Now - 10_000;
        var aliceNote = SignedEvents.Note(SignedEvents.Alice, t, "a1");
        var aliceReaction = SignedEvents.Note(SignedEvents.Alice, t + 10, "+", kind: 7);
        var bobNote = SignedEvents.Note(SignedEvents.Bob, t + 20, "b1");
        var bobReaction = SignedEvents.Note(SignedEvents.Bob, t + 30, "+", kind: 7);
        var aliceLate = SignedEvents.Note(SignedEvents.Alice, t + 40, "a2", kind: 30023, new NostrTag("d", "x"));
        SignedEvents.Store(temp.StoreOptions, [aliceNote, aliceReaction, bobNote, bobReaction, aliceLate]);
        var alice = SignedEvents.Alice.GetPublicKey().ToString();
        var bob = SignedEvents.Bob.GetPublicKey().ToString();

        async Task<string[]> Export(params string[] filter)
        {
            var path = temp.File(Guid.NewGuid().ToString("N"));
            var run = await CommandRun.RunAsync(["export", "--data", temp.Data, "--output", path, .. filter]);
            Assert.Equal(0, run.ExitCode);
            return ReadLines(path);
        }

        Assert.Equal([Line(aliceReaction), Line(bobNote)], await Export("--since", (t + 10).ToString(), "--until", (t + 20).ToString()));
        Assert.Equal([Line(aliceReaction), Line(bobReaction)], await Export("--kinds", "7"));
        Assert.Equal([Line(aliceNote), Line(aliceReaction), Line(aliceLate)], await Export("--authors", alice));
        Assert.Equal([Line(bobReaction)], await Export("--authors", $"{alice},{bob}", "--kinds", "7,0", "--since", (t + 11).ToString()));
        Assert.Equal([Line(aliceLate)], await Export("--since", DateTimeOffset.FromUnixTimeSeconds(t + 40).ToString("O")));
        Assert.Empty(await Export("--kinds", "7", "--until", (t - 1).ToString()));

        static string Line(NostrEvent e) => SignedEvents.Line(e);
    }

    [Fact]
    public async Task Export_of_a_missing_database_exits_1_names_the_path_and_creates_nothing()
    {
        using var temp = new TempDataDirectory();

        var run = await CommandRun.RunAsync("export", "--data", temp.Data, "--output", temp.File("dump.jsonl"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"relay export: no database at {Path.Combine(temp.Data, "relay.db")}", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Data));
        Assert.False(File.Exists(temp.File("dump.jsonl")));
    }

    [Theory]
    [InlineData("--authors", "abc", "--authors: 'abc' is not a public key (64 lowercase hex characters).")]
    [InlineData("--kinds", "1,x", "--kinds: 'x' is not a kind (0 to 65535).")]
    [InlineData("--kinds", "70000", "--kinds: '70000' is not a kind (0 to 65535).")]
    [InlineData("--since", "yesterday", "--since must be unix seconds or an ISO 8601 time (2026-11-21T00:00:00Z), not 'yesterday'.")]
    public async Task Export_refuses_a_malformed_filter_value_with_the_reason(string option, string value, string message)
    {
        using var temp = new TempDataDirectory();

        var run = await CommandRun.RunAsync("export", "--data", temp.Data, option, value);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_while_a_writer_commits_writes_only_whole_valid_events_in_order()
    {
        using var temp = new TempDataDirectory();
        var events = SignedEvents.Notes(600);
        using var store = Relay.Storage.Sqlite.EventStore.Open(temp.StoreOptions);
        using var writer = store.OpenWriter();
        writer.WriteBatch(events[..100]);
        var writing = Task.Run(() =>
        {
            for (var i = 100; i < events.Length; i += 20)
            {
                writer.WriteBatch(events[i..(i + 20)]);
            }
        });

        var run = await CommandRun.RunAsync("export", "--data", temp.Data, "--output", temp.File("dump.jsonl"));
        await writing;

        Assert.Equal(0, run.ExitCode);
        var lines = ReadLines(temp.File("dump.jsonl"));
        Assert.InRange(lines.Length, 100, events.Length);
        Assert.Equal(events.Take(lines.Length).Select(SignedEvents.Line), lines);
    }

    [Theory]
    [InlineData("export", "relay export: failed: ")]
    [InlineData("import", "relay import: failed: ")]
    [InlineData("backup", "relay db backup: failed: ")]
    public async Task Commands_on_a_file_that_is_not_a_database_exit_1_with_the_reason(string command, string prefix)
    {
        using var temp = new TempDataDirectory();
        Directory.CreateDirectory(temp.Data);
        await File.WriteAllTextAsync(Path.Combine(temp.Data, "relay.db"), new string('x', 4096));
        await File.WriteAllTextAsync(temp.File("empty.jsonl"), "");
        string[] args = command switch
        {
            "export" => ["export", "--data", temp.Data, "--output", temp.File("out.jsonl")],
            "import" => ["import", "--data", temp.Data, "--input", temp.File("empty.jsonl")],
            _ => ["db", "backup", temp.File("copy.db"), "--data", temp.Data],
        };

        var run = await CommandRun.RunAsync(args);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(prefix + "SQLite Error 26: 'file is not a database'", run.Error, StringComparison.Ordinal);
    }
}
