namespace Relay.WebSockets.Handshake;

/// <summary>One element of a <c>Sec-WebSocket-Extensions</c> header: a name and its parameters (RFC 6455 §9.1).</summary>
/// <param name="Name">The extension token, e.g. <c>permessage-deflate</c>.</param>
/// <param name="Parameters">Parameters in order; a parameter without a value has a null value.</param>
public sealed record ExtensionOffer(string Name, IReadOnlyList<KeyValuePair<string, string?>> Parameters);
