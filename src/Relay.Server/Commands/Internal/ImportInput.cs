using Microsoft.Win32.SafeHandles;

namespace Relay.Server.Commands.Internal;

/// <summary>The input of <c>relay import</c>: a file, or standard input; with its size when it is a regular file (for the ETA).</summary>
internal sealed class ImportInput : IDisposable
{
    private ImportInput(Stream stream, long? totalBytes) => (Stream, TotalBytes) = (stream, totalBytes);

    public Stream Stream { get; }

    /// <summary>Bytes left to read, or null for a pipe or terminal.</summary>
    public long? TotalBytes { get; }

    public static ImportInput OpenFile(FileInfo file)
    {
        var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        // A FIFO or process substitution (--input <(zcat dump.jsonl.gz)) reads the same way, without a size.
        return new ImportInput(stream, stream.CanSeek ? stream.Length : null);
    }

    /// <summary>
    /// Standard input through its file descriptor, so that <c>relay import &lt; dump.jsonl</c> (a regular file, seekable)
    /// knows its size; a pipe reads the same way without one.
    /// </summary>
    public static ImportInput OpenStandardInput()
    {
        try
        {
            var stream = new FileStream(new SafeFileHandle(0, ownsHandle: false), FileAccess.Read, bufferSize: 0);
            return new ImportInput(stream, stream.CanSeek ? stream.Length - stream.Position : null);
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return new ImportInput(Console.OpenStandardInput(), null);
        }
    }

    public void Dispose() => Stream.Dispose();
}
