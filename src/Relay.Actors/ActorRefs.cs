using Relay.Actors.Internal;

namespace Relay.Actors;

/// <summary>Special references (Akka.NET's <c>ActorRefs</c>).</summary>
public static class ActorRefs
{
    /// <summary>The reference to no actor.</summary>
    public static readonly Nobody Nobody = Nobody.Instance;

    /// <summary>"No sender": pass it as the sender of a Tell; the recipient then sees the dead-letter
    /// reference as its <c>Sender</c>.</summary>
    public static readonly IActorRef? NoSender;

    /// <summary>The kernel reference behind <paramref name="actor"/> (a probe's underlying actor, Nobody's
    /// internal face), or <see langword="null"/> for foreign implementations.</summary>
    internal static InternalActorRef? Unwrap(IActorRef? actor) => actor switch
    {
        InternalActorRef internalRef => internalRef,
        global::Relay.Actors.Nobody => NobodyRef.Instance,
        IActorRefWrapper wrapper => wrapper.Underlying,
        _ => null,
    };
}
