namespace Relay.Actors;

/// <summary>
/// An actor with one <c>OnReceive</c> method, typically a <c>switch</c> over message types (the style the
/// relay uses). Every message counts as handled: call <see cref="ActorBase.Unhandled"/> yourself for those you
/// do not understand.
/// </summary>
public abstract class UntypedActor : ActorBase
{
    /// <summary>Processes one message.</summary>
    /// <param name="message">The message.</param>
    protected abstract void OnReceive(object message);

    /// <inheritdoc/>
    protected sealed override bool Receive(object message)
    {
        OnReceive(message);
        return true;
    }

    /// <summary>Replaces the current behaviour with <paramref name="receive"/>.</summary>
    /// <param name="receive">The new behaviour.</param>
    protected void Become(UntypedReceive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        Become(Wrap(receive));
    }

    /// <summary>Pushes <paramref name="receive"/> on the behaviour stack.</summary>
    /// <param name="receive">The new behaviour.</param>
    protected void BecomeStacked(UntypedReceive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        BecomeStacked(Wrap(receive));
    }

    private static Receive Wrap(UntypedReceive receive) => message =>
    {
        receive(message);
        return true;
    };
}
