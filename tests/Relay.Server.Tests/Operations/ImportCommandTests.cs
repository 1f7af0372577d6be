using System.Diagnostics;
using System.Text;
using Relay.Server.Operations;
using Relay.Storage.Sqlite;

namespace Relay.Server.Tests.Operations;

/// <summary><c>relay import</c> and <see cref="EventImporter"/> against real SQLite databases in temp directories.</summary>
public class ImportCommandTests
{
    private static async Task<ImportSummary> ImportAsync(EventStoreOptions storeOptions, string text, ImportOptions? options = null,
        Action<ImportSummary>? onBatch = null, CancellationToken cancellationToken = default)
    {
        using var store = EventStore.Open(storeOptions);
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return await new EventImporter(store, options ?? new ImportOptions()).ImportAsync(input, onBatch, cancellationToken);
    }

    /// <summary>The command's run with plain progress (not a terminal), returning exit code, standard output and standard error.</summary>
    private static async Task<CommandRun> RunImportAsync(EventStoreOptions storeOptions, Stream input, ImportOptions options, CancellationToken cancellationToken)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exitCode = await Commands.ImportCommand.RunAsync(storeOptions, options, input, null, output, error, terminal: false, cancellationToken);
        return new CommandRun(exitCode, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(ImportOptions.DefaultBatchSize)]
    public async Task Import_counts_every_line_by_outcome_whatever_the_batch_size(int batchSize)
    {
        using var temp = new TempDataDirectory();
        var (text, expected, blank, storedAfter) = ImportTestFile.Create();

        var summary = await ImportAsync(temp.StoreOptions, text, new ImportOptions { BatchSize = batchSize });

        Assert.True(summary.Completed);
        foreach (var outcome in ImportOutcomes.All)
        {
            Assert.True(expected.GetValueOrDefault(outcome) == summary[outcome],
                $"{outcome}: expected {expected.GetValueOrDefault(outcome)}, got {summary[outcome]}");
        }

        Assert.Equal(expected.Values.Sum(), summary.Lines);
        Assert.Equal(blank, summary.BlankLines);
        Assert.Equal(Encoding.UTF8.GetByteCount(text), summary.BytesRead);
        Assert.Equal(storedAfter, SignedEvents.Count(temp.StoreOptions));
    }

    [Fact]
    public async Task Import_command_prints_the_summary_with_each_rejection_reason_and_exits_0()
    {
        using var temp = new TempDataDirectory();
        var (text, _, _, _) = ImportTestFile.Create();
        await File.WriteAllTextAsync(temp.File("dump.jsonl"), text);

        var run = await CommandRun.RunAsync("import", "--data", temp.Data, "--input", temp.File("dump.jsonl"));

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("import complete: 20 lines read (2 blank lines skipped), 1 batches committed", run.Output, StringComparison.Ordinal);
        string[] expectedLines =
        [
            "  accepted              6", "  duplicate             1", "  rejected             13",
            "    line too long                         1", "    invalid JSON                          2",
            "    invalid event                         2", "    bad id                                1",
            "    bad signature                         1", "    created_at out of range               1",
            "    expired                               1", "    ephemeral (not stored)                1",
            "    deleted                               1", "    superseded                            1",
            "    foreign deletion                      1",
        ];
        foreach (var line in expectedLines)
        {
            Assert.Contains(line + Environment.NewLine, run.Output, StringComparison.Ordinal);
        }

        Assert.Contains("lines/s", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_run_twice_stores_nothing_new_and_counts_every_line_duplicate()
    {
        using var temp = new TempDataDirectory();
        var text = SignedEvents.Jsonl(SignedEvents.Notes(120));

        var first = await ImportAsync(temp.StoreOptions, text, new ImportOptions { BatchSize = 50 });
        var second = await ImportAsync(temp.StoreOptions, text, new ImportOptions { BatchSize = 50 });

        Assert.Equal((120, 0, 0), (first.Accepted, first.Duplicates, first.Rejected));
        Assert.Equal((0, 120, 0), (second.Accepted, second.Duplicates, second.Rejected));
        Assert.True(second.Completed);
        Assert.Equal(120, SignedEvents.Count(temp.StoreOptions));
    }

    [Fact]
    public async Task Import_cancelled_after_three_batches_holds_exactly_those_batches_and_a_rerun_completes_the_rest()
    {
        using var temp = new TempDataDirectory();
        var text = SignedEvents.Jsonl(SignedEvents.Notes(100));
        using var cancel = new CancellationTokenSource();

        var interrupted = await ImportAsync(temp.StoreOptions, text, new ImportOptions { BatchSize = 10 },
            running => { if (running.Batches == 3) cancel.Cancel(); }, cancel.Token);

        Assert.False(interrupted.Completed);
        Assert.Equal((3, 30), (interrupted.Batches, interrupted.Accepted));
        Assert.Equal(30, SignedEvents.Count(temp.StoreOptions));

        await File.WriteAllTextAsync(temp.File("dump.jsonl"), text);
        var rerun = await CommandRun.RunAsync("import", "--data", temp.Data, "--input", temp.File("dump.jsonl"), "--batch-size", "10");

        Assert.Equal(0, rerun.ExitCode);
        Assert.Contains("  accepted             70" + Environment.NewLine, rerun.Output, StringComparison.Ordinal);
        Assert.Contains("  duplicate            30" + Environment.NewLine, rerun.Output, StringComparison.Ordinal);
        Assert.Equal(100, SignedEvents.Count(temp.StoreOptions));
    }

    [Fact]
    public async Task Import_command_interrupted_exits_130_and_prints_what_was_committed()
    {
        using var temp = new TempDataDirectory();
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(SignedEvents.Jsonl(SignedEvents.Notes(10))));

        var run = await RunImportAsync(temp.StoreOptions, input, new ImportOptions(), new CancellationToken(canceled: true));

        Assert.Equal(Commands.ImportCommand.Interrupted, run.ExitCode);
        Assert.StartsWith("import interrupted: 0 lines read", run.Output, StringComparison.Ordinal);
        Assert.Equal(0, SignedEvents.Count(temp.StoreOptions));
    }

    [Fact]
    public async Task Import_of_a_missing_input_file_exits_1_with_the_reason()
    {
        using var temp = new TempDataDirectory();

        var run = await CommandRun.RunAsync("import", "--data", temp.Data, "--input", temp.File("absent.jsonl"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"relay import: cannot read {temp.File("absent.jsonl")}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_import_export_round_trip_is_byte_identical()
    {
        using var source = new TempDataDirectory();
        using var target = new TempDataDirectory();
        var t = SignedEvents.Now - 5000;
        SignedEvents.Store(source.StoreOptions,
        [
            .. SignedEvents.Notes(40, t),
            SignedEvents.Note(SignedEvents.Alice, t + 100, "{\"name\":\"alice\"}", kind: 0),
            SignedEvents.Note(SignedEvents.Bob, t + 100, "article", 30023, new Nostr.Events.NostrTag("d", "a"), new Nostr.Events.NostrTag("t", "x")),
            SignedEvents.Note(SignedEvents.Bob, t + 101, "line\nbreak \"quoted\" ünïcode \u2028", kind: 1),
        ]);

        Assert.Equal(0, (await CommandRun.RunAsync("export", "--data", source.Data, "--output", source.File("a.jsonl"))).ExitCode);
        var import = await CommandRun.RunAsync("import", "--data", target.Data, "--input", source.File("a.jsonl"));
        Assert.Equal(0, (await CommandRun.RunAsync("export", "--data", target.Data, "--output", target.File("b.jsonl"))).ExitCode);

        Assert.Equal(0, import.ExitCode);
        Assert.Contains("  accepted             43" + Environment.NewLine, import.Output, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllBytesAsync(source.File("a.jsonl")), await File.ReadAllBytesAsync(target.File("b.jsonl")));
    }

    [Fact]
    public async Task Relay_process_imports_from_standard_input_and_logs_plain_progress_lines()
    {
        using var temp = new TempDataDirectory();
        var relay = Path.Combine(AppContext.BaseDirectory, "relay.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { relay, "import", "--data", temp.Data, "--batch-size", "7" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(SignedEvents.Jsonl(SignedEvents.Notes(30)) + "garbage\r\n");
        process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(deadline.Token);

        Assert.True(process.ExitCode == 0, await error);
        var text = await output;
        Assert.StartsWith("import complete: 31 lines read (0 blank lines skipped), 5 batches committed", text, StringComparison.Ordinal);
        Assert.Contains("  accepted             30" + Environment.NewLine, text, StringComparison.Ordinal);
        Assert.Contains("    invalid JSON                          1" + Environment.NewLine, text, StringComparison.Ordinal);
        Assert.Equal(30, SignedEvents.Count(temp.StoreOptions));
    }

    /// <summary>Delivers its bytes, then fails as a broken disk or connection would.</summary>
    private sealed class FailingStream(byte[] data) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, Math.Min(count, 1000));
            return read > 0 ? read : throw new IOException("simulated read failure");
        }
    }

    [Fact]
    public async Task Import_whose_input_fails_exits_1_and_keeps_the_batches_read_before()
    {
        using var temp = new TempDataDirectory();
        var events = SignedEvents.Notes(12);
        using var input = new FailingStream(Encoding.UTF8.GetBytes(SignedEvents.Jsonl(events)));

        var run = await RunImportAsync(temp.StoreOptions, input, new ImportOptions { BatchSize = 5 }, CancellationToken.None);

        Assert.Equal(Commands.ImportCommand.Failed, run.ExitCode);
        Assert.Contains("relay import: failed: simulated read failure", run.Error, StringComparison.Ordinal);
        Assert.Equal(10, SignedEvents.Count(temp.StoreOptions));
    }

    [Fact]
    public async Task Relay_process_stopped_by_SIGINT_on_an_idle_pipe_keeps_its_committed_batches_and_exits_130()
    {
        using var temp = new TempDataDirectory();
        var events = SignedEvents.Notes(40);
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "relay.dll"), "import", "--data", temp.Data, "--batch-size", "5" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();

        // Four whole batches, then the pipe stays open and idle: they must be committed without waiting for more.
        await process.StandardInput.WriteAsync(SignedEvents.Jsonl(events[..20]));
        await process.StandardInput.FlushAsync();
        var stored = 0L;
        for (var i = 0; i < 300 && stored < 20; i++)
        {
            await Task.Delay(100);
            stored = File.Exists(temp.StoreOptions.DatabasePath) ? SignedEvents.Count(temp.StoreOptions) : 0;
        }

        Assert.Equal(20, stored);
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString()]))
        {
            await kill.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(deadline.Token);

        Assert.True(process.ExitCode == Commands.ImportCommand.Interrupted, $"exit {process.ExitCode}: {await error}");
        Assert.StartsWith("import interrupted: 20 lines read (0 blank lines skipped), 4 batches committed", await output, StringComparison.Ordinal);
        Assert.Equal(20, SignedEvents.Count(temp.StoreOptions));

        await File.WriteAllTextAsync(temp.File("all.jsonl"), SignedEvents.Jsonl(events));
        var rerun = await CommandRun.RunAsync("import", "--data", temp.Data, "--input", temp.File("all.jsonl"));
        Assert.Contains("  accepted             20" + Environment.NewLine + "  duplicate            20", rerun.Output, StringComparison.Ordinal);
        Assert.Equal(40, SignedEvents.Count(temp.StoreOptions));
    }

    [Fact]
    public async Task Relay_process_killed_mid_import_leaves_whole_batches_and_a_rerun_completes()
    {
        using var temp = new TempDataDirectory();
        const int BatchSize = 50;
        var events = SignedEvents.Notes(4000);
        await File.WriteAllTextAsync(temp.File("all.jsonl"), SignedEvents.Jsonl(events));
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "relay.dll"), "import", "--data", temp.Data, "--input", temp.File("all.jsonl"), "--batch-size", BatchSize.ToString() },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();

        // Kill as soon as something is committed: most likely in the middle of a later batch.
        for (var i = 0; i < 600 && !process.HasExited; i++)
        {
            await Task.Delay(50);
            if (File.Exists(temp.StoreOptions.DatabasePath) && SignedEvents.Count(temp.StoreOptions) > 0) break;
        }

        process.Kill();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(deadline.Token);

        var kept = SignedEvents.Count(temp.StoreOptions);
        Assert.Equal(0, kept % BatchSize);
        var rerun = await CommandRun.RunAsync("import", "--data", temp.Data, "--input", temp.File("all.jsonl"));
        Assert.Equal(0, rerun.ExitCode);
        Assert.Contains($"  duplicate  {kept,12:N0}" + Environment.NewLine, rerun.Output, StringComparison.Ordinal);
        Assert.Equal(events.Length, SignedEvents.Count(temp.StoreOptions));
    }
}
