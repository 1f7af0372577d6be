namespace Relay.WebSockets.Compression.Internal;

/// <summary>Outcome of one <see cref="Inflater.Inflate"/> call.</summary>
internal enum InflateStatus
{
    /// <summary>Progress was made; call again while input remains or the output was filled.</summary>
    Ok,

    /// <summary>The compressed data is corrupt.</summary>
    InvalidData,
}
