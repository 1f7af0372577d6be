using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Relay.Storage.Sqlite.Tests.Support;

namespace Relay.Storage.Sqlite.Tests.Crash;

public sealed class CrashTests
{
    /// <summary>
    /// The relay answers OK only after WriteBatch returns, and promises those events survive the process being
    /// killed. A child process writes batches and reports each commit; it is killed with SIGKILL in the middle
    /// of its burst; the database must then open cleanly, pass integrity_check, hold every reported batch, and
    /// hold the batch in flight either whole or not at all.
    /// </summary>
    [Theory]
    [InlineData(SynchronousMode.Normal)]
    [InlineData(SynchronousMode.Full)]
    public async Task Every_batch_whose_commit_returned_survives_SIGKILL_of_the_writer(SynchronousMode mode)
    {
        var directory = TempDirectory.Create();
        try
        {
            var killAfter = 8 + Random.Shared.Next(8);
            var committed = await RunAndKill(directory, mode, killAfter);
            Assert.True(committed + 1 >= killAfter, $"the child reported {committed + 1} commits before it was killed");

            using var store = EventStore.Open(new EventStoreOptions { DataDirectory = directory });
            Assert.Equal("ok", IntegrityCheck(store.DatabasePath));

            var total = store.Count([F.All()], Ev.Now).Count;
            for (var batch = 0; batch <= committed; batch++)
            {
                Assert.Equal(CrashWriterProgram.EventsPerBatch, store.Count([F.Tag('b', batch.ToString())], Ev.Now).Count);
                Assert.True(store.Contains(CrashWriterProgram.Batch(batch)[^1].Id));
            }

            // The batch in flight is all or nothing; nothing later exists.
            var inFlight = store.Count([F.Tag('b', (committed + 1).ToString())], Ev.Now).Count;
            Assert.True(inFlight is 0 or CrashWriterProgram.EventsPerBatch, $"batch in flight has {inFlight} events");
            Assert.Equal((committed + 1) * CrashWriterProgram.EventsPerBatch + inFlight, total);
            Assert.Equal(total, store.GetStats().EventCount);

            // And the store takes writes again.
            using var writer = store.OpenWriter();
            Assert.Equal(WriteStatus.Stored, writer.WriteBatch([Ev.Note(TestKeys.Alice, Ev.Now, "after the crash")])[0].Status);
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }

    /// <summary>Starts the child, kills it (SIGKILL) once it has reported <paramref name="killAfter"/> commits; returns the last commit it reported.</summary>
    private static async Task<int> RunAndKill(string directory, SynchronousMode mode, int killAfter)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(typeof(CrashWriterProgram).Assembly.Location);
        start.ArgumentList.Add("crash-writer");
        start.ArgumentList.Add(directory);
        start.ArgumentList.Add(mode.ToString());

        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the child process");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stderr = child.StandardError.ReadToEndAsync(timeout.Token);
        var last = -1;
        var killed = false;
        try
        {
            while (await child.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("commit ", StringComparison.Ordinal))
                {
                    last = int.Parse(line.AsSpan(7));
                    if (last + 1 >= killAfter && !killed)
                    {
                        // Process.Kill is SIGKILL on Unix: no managed code, finalizer or SQLite close runs.
                        child.Kill();
                        killed = true;
                    }
                }
            }
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill();
            }
        }

        await child.WaitForExitAsync(timeout.Token);
        Assert.True(killed, $"the child ended on its own (exit {child.ExitCode}): {await stderr}");
        Assert.Equal(137, child.ExitCode);
        return last;
    }

    private static string DotnetHost()
    {
        // The test host runs under the dotnet muxer; use the same one (no PATH assumptions).
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }

    private static string? IntegrityCheck(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return command.ExecuteScalar() as string;
    }
}
