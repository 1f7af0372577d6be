using System.Text;
using Relay.Server.Operations.Internal;

namespace Relay.Server.Tests.Operations;

/// <summary>The import's line splitter: LF and CRLF, a last line without LF, over-long lines skipped, input arriving in any split.</summary>
public class JsonLineReaderTests
{
    /// <summary>Returns at most <c>chunk</c> bytes per read, as a pipe may.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
    }

    private static List<string> ReadAll(string text, int maxLine, int chunk)
    {
        var reader = new JsonLineReader(new TrickleStream(Encoding.UTF8.GetBytes(text), chunk), maxLine);
        var lines = new List<string>();
        for (var i = 0; i < 1000; i++)
        {
            switch (reader.Read(out var line))
            {
                case LineKind.End:
                    Assert.Equal(Encoding.UTF8.GetByteCount(text), reader.Position);
                    return lines;
                case LineKind.TooLong:
                    lines.Add("<too long>");
                    break;
                default:
                    lines.Add(Encoding.UTF8.GetString(line));
                    break;
            }
        }

        throw new InvalidOperationException("the reader never reached the end");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(1 << 20)]
    public void Read_splits_LF_and_CRLF_lines_keeps_blank_ones_and_returns_a_last_line_without_LF(int chunk)
    {
        var lines = ReadAll("a\r\n\nbc\n  \r\nlast", maxLine: 10, chunk);

        Assert.Equal(["a", "", "bc", "  ", "last"], lines);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1 << 20)]
    public void Read_reports_lines_over_the_bound_as_too_long_and_resumes_at_the_next_line(int chunk)
    {
        var text = "12345\n123456\r\n" + new string('x', 3_000_000) + "\nok\n1234567";

        var lines = ReadAll(text, maxLine: 6, chunk);

        // Exactly the bound (CR excluded) passes; one more byte, or a multi-megabyte line, does not.
        Assert.Equal(["12345", "123456", "<too long>", "ok", "<too long>"], lines);
    }

    [Fact]
    public void Read_of_an_empty_input_ends_at_once()
    {
        Assert.Empty(ReadAll("", maxLine: 10, chunk: 1));
    }
}
