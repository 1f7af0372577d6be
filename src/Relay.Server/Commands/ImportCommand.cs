using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Relay.Nostr.Crypto;
using Relay.Server.Commands.Internal;
using Relay.Server.Operations;
using Relay.Storage.Sqlite;
using Spectre.Console;

namespace Relay.Server.Commands;

/// <summary>
/// <c>relay import [--data DIR] [--input FILE] [--batch-size N]</c>: stores the events of a JSONL dump (standard input
/// by default) with the relay's own acceptance rules (<see cref="EventImporter"/>), showing a progress bar with rate
/// and ETA when standard error is a terminal and a plain line every 10 s otherwise, then a summary on standard output.
/// </summary>
/// <remarks>
/// Exit codes: <see cref="Completed"/> when the whole input was read, even if lines were rejected (the summary counts
/// them by reason); <see cref="Failed"/> when the input or the database failed (an I/O error, disk full): every batch
/// before the failure is committed; <see cref="Interrupted"/> after Ctrl-C or SIGTERM: every batch before it is
/// committed. Rerunning with the same input continues where it stopped (committed lines count as duplicates).
/// </remarks>
internal static class ImportCommand
{
    public const int Completed = 0;
    public const int Failed = 1;

    /// <summary>128 + SIGINT, the shell's convention for a command stopped by Ctrl-C.</summary>
    public const int Interrupted = 130;

    public static Command Create()
    {
        var data = DataDirectory.CreateOption();
        var input = new Option<FileInfo?>("--input", "-i") { Description = "Read FILE instead of standard input.", HelpName = "FILE" };
        var batchSize = new Option<int>("--batch-size")
        {
            Description = "Events per transaction.",
            HelpName = "N",
            DefaultValueFactory = _ => ImportOptions.DefaultBatchSize,
        };
        batchSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > ImportOptions.MaxBatchSize)
                result.AddError($"--batch-size must be between 1 and {ImportOptions.MaxBatchSize}.");
        });
        var command = new Command("import", "Store the events of a JSONL dump (one event per line), checked like the relay's ingest.")
        {
            data, input, batchSize,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var configuration = parseResult.InvocationConfiguration;
            var file = parseResult.GetValue(input);
            ImportInput source;
            try
            {
                source = file is null ? ImportInput.OpenStandardInput() : ImportInput.OpenFile(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await configuration.Error.WriteLineAsync($"relay import: cannot read {file?.FullName}: {e.Message}").ConfigureAwait(false);
                return Failed;
            }

            using (source)
            {
                var selection = SchnorrBackends.Select(SchnorrPreference.Auto);
                if (selection.Warning is { } warning)
                {
                    await configuration.Error.WriteLineAsync($"relay import: {warning}").ConfigureAwait(false);
                }

                var options = new ImportOptions { BatchSize = parseResult.GetValue(batchSize), Verifier = selection.Backend };
                var terminal = ReferenceEquals(configuration.Error, Console.Error) && !Console.IsErrorRedirected;

                // Our own handlers for Ctrl-C and SIGTERM: stop between batches and print the summary, whatever the
                // command-line host does with signals (measured: without these, SIGTERM ended the process at once).
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, StopBetweenBatches);
                using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, StopBetweenBatches);
                return await RunAsync(
                    DataDirectory.StoreOptions(parseResult.GetValue(data)!), options, source.Stream, source.TotalBytes,
                    configuration.Output, configuration.Error, terminal, stop.Token).ConfigureAwait(false);

                void StopBetweenBatches(PosixSignalContext context)
                {
                    context.Cancel = true;
                    stop.Cancel();
                }
            }
        });
        return command;
    }

    /// <summary>Runs an import and prints its summary; returns the exit code.</summary>
    public static async Task<int> RunAsync(
        EventStoreOptions storeOptions, ImportOptions options, Stream input, long? totalBytes,
        TextWriter output, TextWriter error, bool terminal, CancellationToken cancellationToken)
    {
        ImportSummary? summary = null;
        try
        {
            using var store = EventStore.Open(storeOptions);
            var importer = new EventImporter(store, options);
            summary = terminal
                ? await ImportWithProgressBarAsync(importer, input, totalBytes, cancellationToken).ConfigureAwait(false)
                : await importer.ImportAsync(input, new PlainImportProgress(error, totalBytes).Report, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SqliteException or UnauthorizedAccessException or InvalidOperationException)
        {
            // InvalidOperationException: a database written by a newer relay (EventStore.Open refuses it).
            await error.WriteLineAsync($"relay import: failed: {e.Message} (every batch before the failure is committed; rerun to continue).").ConfigureAwait(false);
            return Failed;
        }

        await output.WriteLineAsync(summary.ToString()).ConfigureAwait(false);
        await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        return summary.Completed ? Completed : Interrupted;
    }

    private static async Task<ImportSummary> ImportWithProgressBarAsync(EventImporter importer, Stream input, long? totalBytes, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new PercentageColumn(),
                new TransferSpeedColumn(),
                new RemainingTimeColumn(),
                new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("import", maxValue: totalBytes is > 0 and var total ? total : 1);
                task.IsIndeterminate = totalBytes is not > 0;
                var summary = await importer.ImportAsync(input, running =>
                {
                    task.Value = running.BytesRead;
                    task.Description = string.Create(
                        CultureInfo.InvariantCulture,
                        $"{running.Lines:N0} lines, {running.Accepted:N0} new, {running.Rejected:N0} rejected, {running.LinesPerSecond:N0}/s");
                }, cancellationToken).ConfigureAwait(false);
                if (summary.Completed)
                {
                    task.Value = task.MaxValue;
                }

                task.StopTask();
                return summary;
            }).ConfigureAwait(false);
    }
}
