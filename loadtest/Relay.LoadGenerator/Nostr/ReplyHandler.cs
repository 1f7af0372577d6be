namespace Relay.LoadGenerator.Nostr;

/// <summary>Handles one relay message during a receive loop; the reply's spans are valid only during the call.</summary>
internal delegate void ReplyHandler(in RelayReply reply);
