namespace Relay.Server.Operations.Internal;

/// <summary>What <see cref="JsonLineReader.Read"/> found.</summary>
internal enum LineKind
{
    /// <summary>A line (CR/LF stripped), possibly blank.</summary>
    Line,

    /// <summary>A line longer than the bound; its bytes were skipped.</summary>
    TooLong,

    /// <summary>The input is exhausted.</summary>
    End,
}
