namespace Relay.Actors.Internal;

/// <summary>Implemented by references that stand for a kernel reference (the TestKit's probes), so that
/// watching, stopping or comparing them acts on the real actor.</summary>
internal interface IActorRefWrapper
{
    InternalActorRef Underlying { get; }
}
